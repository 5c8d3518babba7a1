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
    assertTrue(FruitServiceIT.json(lines[0]).getAsJsonArray("top").get(0).getAsJsonObject().has("species"), lines[0]);
    assertEquals("not-an-image", FruitServiceIT.reason(lines[1]), lines[1]);
    assertEquals(text.toString(), FruitServiceIT.json(lines[1]).get("image").getAsString());
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
    assertEquals("fruits predict: " + run.resolve("classifier.bin") + " is missing; train it first: fruits classify --run "
        + tmp.resolve("run") + "\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aFolderOrAFileThatCannotBeOpenedIsAnErrorLineAndTheNextImageIsStillAnswered() throws Exception {
    Path photo = FruitServiceIT.firstTestPhoto();
    Path folder = Files.createDirectories(tmp.resolve("somefolder"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = PredictMain.run(new String[] {"--run", TrainedRun.get().toString(), "-D", "model.dir=" + SharedData.models(),
        photo.toString(), folder.toString(), tmp.resolve("gone.jpg").toString(), tmp.resolve("caf\uFFFD.jpg").toString(), photo.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(1, code);
    assertEquals(5, lines.length, out.toString());
    assertEquals("unreadable", FruitServiceIT.reason(lines[1]), lines[1]);
    assertEquals("a folder, not a photo", FruitServiceIT.json(lines[1]).get("error").getAsString());
    assertEquals("missing", FruitServiceIT.reason(lines[2]), lines[2]);
    // A name the JVM got as U+FFFD (bytes that are no UTF-8) exists under a name it cannot spell.
    assertEquals("unreadable", FruitServiceIT.reason(lines[3]), lines[3]);
    assertTrue(FruitServiceIT.json(lines[3]).get("error").getAsString().endsWith("rename it"), lines[3]);
    assertEquals(photo.getParent().getFileName().toString(), FruitServiceIT.firstClass(lines[4]), lines[4]);
  }

  /**
   * An image over --max-bytes is an error line, not read further: a video of gigabytes would
   * otherwise fill the heap. A FIFO is an error line too, not a command waiting for its writer.
   */
  @Test
  void anImageOverTheByteLimitIsAnErrorLineAndNotReadWhole() throws Exception {
    Path photo = FruitServiceIT.firstTestPhoto();
    Path video = tmp.resolve("video.jpg");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(video.toFile(), "rw")) {
      f.setLength(4L << 30); // sparse
    }
    Path fifo = tmp.resolve("fifo.jpg");
    org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long limit = Files.size(photo);
    int code = PredictMain.run(new String[] {"--run", TrainedRun.get().toString(), "-D", "model.dir=" + SharedData.models(), "--max-bytes",
        Long.toString(limit), video.toString(), photo.toString(), fifo.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(1, code);
    assertEquals(3, lines.length, out.toString());
    assertEquals("unreadable", FruitServiceIT.reason(lines[2]), lines[2]);
    assertEquals("too-large", FruitServiceIT.reason(lines[0]), lines[0]);
    assertEquals("the file is larger than " + limit + " bytes, the most one photo may hold (--max-bytes)",
        FruitServiceIT.json(lines[0]).get("error").getAsString());
    assertEquals(photo.getParent().getFileName().toString(), FruitServiceIT.firstClass(lines[1]), "a photo of exactly the limit: " + lines[1]);

    out.reset();
    assertEquals(1, PredictMain.run(new String[] {"--run", TrainedRun.get().toString(), "-D", "model.dir=" + SharedData.models(), "--max-bytes",
        Long.toString(limit - 1), photo.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
    assertEquals("too-large", FruitServiceIT.reason(out.toString(StandardCharsets.UTF_8).strip()), "one byte over the limit");
  }

  @Test
  void aModelFileThatIsNotTheRunsIsRefused() throws Exception {
    Path run = copyOfRun();
    Path settings = run.resolve("run.properties");
    Files.writeString(settings, Files.readString(settings).replaceAll("model.file.sha256=[0-9a-f]+", "model.file.sha256=" + "0".repeat(64)));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> FruitPredictor.open(run, TrainedRun.modelDir(), 1_000_000, 1));
    assertTrue(e.getMessage().contains("is not the one this run was made with"), e.getMessage());
  }

  @Test
  void aPcaModelWithAHostileHeaderIsRefusedBeforeAllocating() throws Exception {
    Path run = copyOfRun();
    Path model = run.resolve("pca/model.txt");
    Files.writeString(model, Files.readString(model).replaceFirst("dimension\t\\d+", "dimension\t2000000000")
        .replaceFirst("components\t\\d+", "components\t2000000000"));
    long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> FruitPredictor.open(run, TrainedRun.modelDir(), 1_000_000, 1));
    assertTrue(e.getMessage().contains("the file is damaged, refit it"), e.getMessage());
    assertTrue(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory() - before < 1L << 30, "no huge allocation");
  }

  private Path copyOfRun() throws Exception {
    Path copy = tmp.resolve("run-copy");
    Files.createDirectories(copy.resolve("pca"));
    for (String f : new String[] {"run.properties", "pca/model.txt", "pca/classifier.bin", "pca/calibration.properties"}) {
      Files.copy(TrainedRun.get().resolve(f), copy.resolve(f));
    }
    return copy;
  }
}
