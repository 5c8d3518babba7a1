package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.classifier.ClassifyMain;
import io.fruits.classifier.Guess;
import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fruits evaluate}: photos through the predictor, scored against their folders or a
 * manifest, and photos with no fruit; the scores land in the run's report and page.
 */
class EvaluateCommandIT {
  @TempDir Path tmp;

  private Path runCopy() throws Exception {
    Path run = tmp.resolve("run"); // a copy: the shared run's page stays as the other tests expect it
    ImageTrees.copyTree(TrainedRun.get(), run);
    return run;
  }

  private static String evaluate(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = EvaluateMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).trim();
  }

  private static String number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex + " in " + text);
    return m.group(1);
  }

  @Test
  void photosInClassFoldersScoreAsTheClassifierReportOnTheSameImages() throws Exception {
    Path run = runCopy();
    Path nonFruit = Files.createDirectories(tmp.resolve("non-fruit"));
    try (Stream<Path> photos = Files.list(SharedData.require().resolve("data/non-fruit/dev"))) {
      for (Path p : photos.filter(f -> f.toString().endsWith(".jpg")).sorted().limit(3).toList()) {
        Files.copy(p, nonFruit.resolve(p.getFileName()));
      }
    }
    Files.writeString(nonFruit.resolve("notes.jpg"), "not a picture");

    String report = evaluate("--run", run.toString(), "--images", TrainedRun.testImages().toString(), "--non-fruit", nonFruit.toString(),
        "-D", "model.dir=" + SharedData.models());
    assertEquals(run.resolve("reports/evaluation.md").toAbsolutePath().toString(), report);
    String md = Files.readString(Path.of(report));
    assertTrue(md.contains("- fruit photos: " + (TrainedRun.CLASSES * 5) + " (0 unreadable"), md);
    // The classifier's report scored the same Test images from the pipeline's own vectors (pca.csv).
    String classifier = Files.readString(run.resolve("reports/classifier.md"));
    assertEquals(number(classifier, "top-1 ([0-9.]+)"), number(md, "- top-1: ([0-9.]+)"));
    assertEquals(number(classifier, "top-3 ([0-9.]+)"), number(md, "- top-3: ([0-9.]+)"));
    assertTrue(md.contains("- photos with no fruit: 4 (1 unreadable)"), md);
    assertTrue(Files.readString(run.resolve("reports/index.html")).contains("Evaluation on photos"));
  }

  /**
   * A file over the pipeline's size limit among the photos (a video renamed, say) is counted as
   * unreadable, without being read whole, and the others are still scored.
   */
  @Test
  void aFileOverTheSizeLimitIsCountedUnreadableAndTheOthersAreScored() throws Exception {
    Path run = runCopy();
    Path photo = FruitServiceIT.firstTestPhoto();
    Path folder = Files.createDirectories(tmp.resolve("photos").resolve(photo.getParent().getFileName()));
    Files.copy(photo, folder.resolve(photo.getFileName()));
    try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(folder.resolve("huge.jpg").toFile(), "rw")) {
      huge.setLength(3L << 30); // sparse, no disk taken; 3 GiB read whole would not even fit one Java array
    }
    String report = evaluate("--run", run.toString(), "--images", tmp.resolve("photos").toString(), "-D", "model.dir=" + SharedData.models());
    String md = Files.readString(Path.of(report));
    assertTrue(md.contains("- fruit photos: 2 (1 unreadable, counted wrong)"), md);
    assertTrue(md.contains("- top-1: 0.5000 (1)"), md);
  }

  @Test
  void eachSetOfPhotosKeepsItsOwnSectionOfTheReport() throws Exception {
    Path run = runCopy();
    Path test = TrainedRun.testImages();
    Path firstClass;
    try (Stream<Path> classes = Files.list(test)) {
      firstClass = classes.sorted().findFirst().orElseThrow();
    }
    Path more = Files.createDirectories(tmp.resolve("more").resolve(firstClass.getFileName()));
    try (Stream<Path> photos = Files.list(firstClass)) {
      for (Path p : photos.sorted().limit(2).toList()) {
        Files.copy(p, more.resolve(p.getFileName()));
      }
    }
    String model = "model.dir=" + SharedData.models();
    String testTitle = "## Evaluation on " + test.getParent().getFileName() + "/" + test.getFileName();
    String report = evaluate("--run", run.toString(), "--images", test.toString(), "-D", model);
    evaluate("--run", run.toString(), "--images", tmp.resolve("more").toString(), "-D", model);
    evaluate("--run", run.toString(), "--images", test.toString(), "-D", model); // the same set again: its own section, replaced
    String md = Files.readString(Path.of(report));
    List<String> titles = md.lines().filter(l -> l.startsWith("## ")).toList();
    assertEquals(List.of(testTitle, "## Evaluation on " + tmp.getFileName() + "/more"), titles, md);
    assertTrue(md.contains("- fruit photos: 2 (0 unreadable"), md);
    String page = Files.readString(run.resolve("reports/index.html"));
    assertTrue(page.contains(testTitle.substring(3)) && page.contains(tmp.getFileName() + "/more"), page);

    // A new classifier makes these numbers history: classify removes them, and the page drops them.
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(0, ClassifyMain.run(new String[] {"--run", run.toString()}, quiet, quiet));
    assertTrue(!Files.exists(Path.of(report)), report);
    assertTrue(!Files.exists(run.resolve(io.fruits.core.RunLock.FILE)), "classify freed the run");
    assertTrue(!Files.readString(run.resolve("reports/index.html")).contains("Evaluation on photos"));
  }

  @Test
  void aManifestListsTheClassesThatCountAsRight() throws Exception {
    Path run = runCopy();
    Path photos = TrainedRun.testImages();
    List<Path> files;
    try (Stream<Path> all = Files.walk(photos)) {
      files = all.filter(Files::isRegularFile).sorted().limit(3).toList();
    }
    List<Guess> first;
    List<Guess> second;
    try (FruitPredictor p = FruitPredictor.open(run, TrainedRun.modelDir(), 40_000_000, 1)) {
      first = p.predict("a", Files.readAllBytes(files.get(0))).top();
      second = p.predict("b", Files.readAllBytes(files.get(1))).top();
    }
    Path manifest = tmp.resolve("MANIFEST.tsv");
    Files.writeString(manifest, "file\tfamily\tfruits360_classes\n"
        + photos.relativize(files.get(0)) + "\tFirst\tNo Such Class;" + first.get(0).label() + "\n" // right at top-1
        + photos.relativize(files.get(1)) + "\tSecond\t" + second.get(2).label() + "\n" // right within the top 3 only
        + photos.relativize(files.get(2)) + "\tSecond\tNo Such Class\n"); // wrong
    String md = Files.readString(Path.of(evaluate("--run", run.toString(), "--images", photos.toString(), "--manifest", manifest.toString(),
        "-D", "model.dir=" + SharedData.models())));
    assertTrue(md.contains("- top-1: 0.3333 (1)"), md);
    assertTrue(md.contains("- top-3: 0.6667 (2)"), md);
    assertTrue(md.contains("| First | 1 | 1.000 |") && md.contains("| Second | 2 | 0.000 |"), md);
    // The third photo could never be right, and the folder holds more photos than the manifest names: both are said.
    assertTrue(md.contains("- fruit photos: 3 (0 unreadable, counted wrong; 1 of fruits the classifier has no class for, counted wrong)"), md);
    long all;
    try (Stream<Path> every = Files.walk(photos)) {
      all = every.filter(Files::isRegularFile).count();
    }
    assertTrue(md.contains("- files in the folder that the manifest does not name, not scored: " + (all - 3) + "\n"), md);
  }

  @Test
  void aManifestNamingAFileTheFolderLacksIsRefusedBeforeAnyPhotoIsScored() throws Exception {
    Path run = runCopy();
    Path manifest = tmp.resolve("MANIFEST.tsv");
    Files.writeString(manifest, "file\tfamily\tfruits360_classes\nApple/gone.jpg\tApple\tApple 6\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = EvaluateMain.run(new String[] {"--run", run.toString(), "--images", TrainedRun.testImages().toString(), "--manifest",
        manifest.toString(), "-D", "model.dir=" + SharedData.models()}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertEquals("fruits evaluate: MANIFEST.tsv names 1 file(s) that " + TrainedRun.testImages().getFileName()
        + " does not hold, the first Apple/gone.jpg; give --images the folder the manifest describes\n", err.toString(StandardCharsets.UTF_8));
    assertTrue(!Files.exists(run.resolve("reports/evaluation.md")));
  }

  /** An empty folder scored nothing and wrote an empty report over the run's earlier one. */
  @Test
  void anEmptyFolderIsRefusedAndTheReportIsKept() throws Exception {
    Path run = runCopy();
    Path empty = Files.createDirectories(tmp.resolve("empty/photos"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = EvaluateMain.run(new String[] {"--run", run.toString(), "--images", empty.toString(), "-D", "model.dir=" + SharedData.models()},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertEquals("fruits evaluate: --images " + empty + " holds no photo to score; give a folder of one folder per class,"
        + " or of the photos --manifest names\n", err.toString(StandardCharsets.UTF_8));
    assertTrue(!Files.exists(run.resolve("reports/evaluation.md")));
  }

  /** classify replaces the run's classifier: the run is always named, never the demo's by default. */
  @Test
  void classifyNeedsTheRunNamed() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = io.fruits.classifier.ClassifyMain.run(new String[0], new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertEquals("fruits classify: missing --run RUN (the run whose classifier to train: it is replaced, so it is never taken from FRUITS_RUN);"
        + " see fruits classify --help\n", err.toString(StandardCharsets.UTF_8));
  }
  /**
   * A run being written (fruits run --update, another classify or evaluate) refuses both commands in one line and
   * they change nothing; each frees the run when it ends.
   */
  @Test
  void aRunBeingWrittenIsNeitherClassifiedNorEvaluated() throws Exception {
    Path run = runCopy();
    byte[] classifier = Files.readAllBytes(run.resolve(io.fruits.core.RunFiles.CLASSIFIER));
    String[] classify = {"--run", run.toString()};
    String[] evaluate = {"--run", run.toString(), "--images", TrainedRun.testImages().toString(), "-D", "model.dir=" + SharedData.models()};
    try (io.fruits.core.RunLock writing = io.fruits.core.RunLock.take(io.fruits.core.LocalLockFile.of(run), "fruits run")) {
      for (String line : new String[] {refused(io.fruits.classifier.ClassifyMain::run, classify), refused(EvaluateMain::run, evaluate)}) {
        assertTrue(line.startsWith("run folder " + run + " is being written by fruits run (pid "), line);
      }
    }
    assertTrue(java.util.Arrays.equals(classifier, Files.readAllBytes(run.resolve(io.fruits.core.RunFiles.CLASSIFIER))), "classifier kept");
    assertTrue(!Files.exists(run.resolve("reports/evaluation.md")));
    evaluate(evaluate);
    assertTrue(!Files.exists(run.resolve(io.fruits.core.RunLock.FILE)), "evaluate freed the run");
  }

  private interface Command {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  /** The one line a refused command prints after its name, exit code 2. */
  private static String refused(Command command, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = command.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, text);
    assertEquals(1, text.lines().count(), text);
    return text.substring(text.indexOf(": ") + 2).strip();
  }
}
