package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TensorFlow SavedModel is a folder: found, checked against its checksum, refused without saved_model.pb. */
class SavedModelFolderTest {
  @TempDir Path tmp;

  private Path savedModel(String graph) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("model"));
    Files.writeString(dir.resolve(ModelLocator.SAVED_MODEL), graph);
    Files.createDirectories(dir.resolve("variables"));
    Files.writeString(dir.resolve("variables/variables.index"), "index");
    return dir;
  }

  private static ModelDescriptor at(Path dir, String sha) {
    return ModelDescriptor.of(Map.of("model.engine", "TensorFlow", "model.path", dir.toString(), "model.sha256", sha));
  }

  @Test
  void aSavedModelFolderIsAModelAndItsChecksumCoversItsFiles() throws Exception {
    Path dir = savedModel("graph");
    String sha = Sha256.of(dir);
    assertEquals(dir, new ModelLocator().locate(at(dir, sha)));
    Files.writeString(dir.resolve("variables/variables.index"), "other index");
    assertNotEquals(sha, Sha256.of(dir), "a changed file inside changes the folder's checksum");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelLocator().locate(at(dir, sha)));
    assertTrue(e.getMessage().contains("not the expected"), e.getMessage());
  }

  @Test
  void aRenamedFileChangesTheChecksum() throws Exception {
    Path dir = savedModel("graph");
    String sha = Sha256.of(dir);
    Files.move(dir.resolve("variables/variables.index"), dir.resolve("variables/variables.other"));
    assertNotEquals(sha, Sha256.of(dir));
  }

  @Test
  void aFolderWithoutTheGraphIsRefusedInOneLine() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelLocator().locate(at(dir, "")));
    assertEquals("model folder " + dir + " holds no saved_model.pb; check -Dmodel.path", e.getMessage());
  }
}
