package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a TensorFlow model and TensorFlow's native library reach the tasks of a cluster job. */
class TensorFlowNativesTest {
  @TempDir Path tmp;

  private Path zip(String name, String... entries) throws Exception {
    Path zip = tmp.resolve(name);
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      for (String e : entries) {
        z.putNextEntry(new ZipEntry(e));
        z.write(1);
        z.closeEntry();
      }
    }
    return zip;
  }

  @Test
  void theNativeJarIsShippedAndTheTasksAreToldWhereTheLibraryLies() throws Exception {
    Path jar = zip("natives.jar", "META-INF/MANIFEST.MF", "org/tensorflow/internal/c_api/linux-x86_64/libjnitensorflow.so",
        "org/tensorflow/internal/c_api/linux-x86_64/libtensorflow_cc.so.2");
    Configuration conf = new Configuration(false);
    conf.set(MRJobConfig.MAP_ENV, "A=1");
    conf.set("tensorflow.natives", jar.toString());
    TensorFlowNatives.ship(conf);
    assertEquals(jar.toUri() + "#tensorflow-native", conf.get("tmparchives"));
    assertEquals("A=1,TENSORFLOW_LIBRARY_PATH=tensorflow-native/org/tensorflow/internal/c_api/linux-x86_64", conf.get(MRJobConfig.MAP_ENV));
  }

  @Test
  void aLibraryAtTheTopOfTheArchiveIsFoundToo() throws Exception {
    assertEquals(".", TensorFlowNatives.folderOfLibrary(zip("flat.zip", "libjnitensorflow.so")));
  }

  @Test
  void anArchiveWithoutTheLibraryOrNotAnArchiveIsRefusedInOneLine() throws Exception {
    Path empty = zip("other.jar", "a/b.class");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorFlowNatives.folderOfLibrary(empty));
    assertEquals("tensorflow.natives=" + empty + " holds no libjnitensorflow.so; give the jar tensorflow-core-native-*-linux-x86_64.jar", e.getMessage());
    Path text = Files.writeString(tmp.resolve("notes.txt"), "not a zip");
    e = assertThrows(IllegalArgumentException.class, () -> TensorFlowNatives.folderOfLibrary(text));
    assertEquals("tensorflow.natives=" + text + " is not a jar or zip file", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TensorFlowNatives.folderOfLibrary(tmp.resolve("missing.jar")));
    assertTrue(e.getMessage().endsWith("is not a local file; give the jar or zip that holds libjnitensorflow.so"), e.getMessage());
  }

  @Test
  void aSavedModelFolderBecomesAZipOfItsFilesRelativeToIt() throws Exception {
    Path model = Files.createDirectories(tmp.resolve("sm/variables"));
    Files.writeString(model.resolveSibling("saved_model.pb"), "graph");
    Files.writeString(model.resolve("variables.index"), "index");
    try (ZipFile z = new ZipFile(FolderArchive.zip(tmp.resolve("sm")).toFile())) {
      List<String> names = Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
      assertEquals(List.of("saved_model.pb", "variables/variables.index"), names);
      assertEquals("graph", new String(z.getInputStream(z.getEntry("saved_model.pb")).readAllBytes()));
    }
  }
}
