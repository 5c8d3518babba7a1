package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule that gives a photo one view or six, on every shared photo of fruit: each Fruits-360 Test
 * image is a studio shot, no real photo is.
 */
class StudioShotIT {
  private static List<String> withAnswer(Path folder, boolean studio) throws Exception {
    ImageDecoder decoder = new ImageDecoder();
    List<String> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.filter(f -> f.toString().toLowerCase().endsWith(".jpg")).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(p);
        if (StudioShot.is(decoder.decode(bytes, bytes.length)) == studio) {
          files.add(folder.relativize(p).toString());
        }
      }
    }
    return files;
  }

  @Test
  void everyFruits360TestImageIsAStudioShot() throws Exception {
    assertEquals(List.of(), withAnswer(SharedData.require().resolve("data/fruits-360/Test"), false));
  }

  @Test
  void noRealPhotoIs() throws Exception {
    assertEquals(List.of(), withAnswer(SharedData.require().resolve("data/real-photos"), true));
  }
}
