package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fruits predict}: one JSON line per image, errors per image, usage errors in one line. */
class PredictCommandIT {
  @TempDir Path tmp;

  @Test
  void oneJsonLinePerImage() throws Exception {
    Path photo = FruitServiceIT.firstTestPhoto();
    Path text = Files.writeString(tmp.resolve("notes.jpg"), "not a picture");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = PredictMain.run(new String[] {"--run", TrainedRun.get().toString(), "-D", "model.dir=" + SharedData.models(),
        photo.toString(), text.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(1, code, "one image could not be read");
    assertEquals(2, lines.length, out.toString());
    assertEquals(photo.getParent().getFileName().toString(), FruitServiceIT.firstClass(lines[0]), lines[0]);
    assertTrue(lines[0].contains("\"species\": "), lines[0]);
    assertTrue(lines[1].contains("\"reason\": \"not-an-image\""), lines[1]);
  }

  @Test
  void aRunWithoutClassifierSaysWhatToDo() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run/pca"));
    Files.writeString(tmp.resolve("run/run.properties"), "model.preset=squeezenet1.1\n");
    Files.writeString(run.resolve("model.txt"), "");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = PredictMain.run(new String[] {"--run", tmp.resolve("run").toString(), "x.jpg"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertEquals("fruits predict: " + run.resolve("classifier.tribuo") + " is missing; train it first: fruits classify --run "
        + tmp.resolve("run") + "\n", err.toString(StandardCharsets.UTF_8));
  }
}
