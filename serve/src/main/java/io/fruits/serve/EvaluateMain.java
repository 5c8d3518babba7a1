package io.fruits.serve;

import io.fruits.classifier.Verdict;
import io.fruits.core.CommandLine;
import io.fruits.core.Launcher;
import io.fruits.core.LocalLockFile;
import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import io.fruits.core.RunLock;
import io.fruits.core.RunReport;
import io.fruits.features.ImageDecoder;
import io.fruits.features.RejectedImageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code fruits evaluate --run RUN --images DIR [--manifest MANIFEST.tsv] [--non-fruit DIR]}: the
 * yardstick of the photo → fruit side. Every photo goes through {@link FruitPredictor}, exactly as
 * {@code fruits predict} and the web page answer it; the scores are written to
 * {@code RUN/reports/evaluation.md}, one section per set of photos ({@link EvaluationReport}), and
 * shown on the run's page. The report's path is the last line of standard output.
 */
public final class EvaluateMain {
  static final String USAGE = "usage: fruits evaluate --run RUN --images DIR [--manifest MANIFEST.tsv] [--non-fruit DIR] [--views auto|N] [-D model.dir=DIR]";
  static final CommandLine.Spec SPEC = CommandLine.Spec.of("see fruits evaluate --help",
      List.of("--run", "--images", "--manifest", "--non-fruit", "--views"), List.of(), false);

  private EvaluateMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Launcher.run("fruits evaluate", err, () -> {
      CommandLine c = CommandLine.parse(args, SPEC);
      if (c.help()) {
        out.println(USAGE);
        return 0;
      }
      Path run = Paths.get(c.run());
      Path images = Paths.get(c.require("--images", "DIR (photos of fruit: one folder per class, or with --manifest)"));
      PhotoSet set = PhotoSet.read(images, c.value("--manifest") == null ? null : Paths.get(c.value("--manifest")));
      List<Path> nonFruit = c.value("--non-fruit") == null ? List.of() : PhotoSet.all(Paths.get(c.value("--non-fruit")));
      // An empty set scores nothing, and its empty report would replace the run's earlier one.
      if (set.photos().isEmpty()) {
        throw new IllegalArgumentException("--images " + images + " holds no photo to score; give a folder of one folder per class,"
            + " or of the photos --manifest names");
      }
      if (c.value("--non-fruit") != null && nonFruit.isEmpty()) {
        throw new IllegalArgumentException("--non-fruit " + c.value("--non-fruit") + " holds no photo; give a folder of photos with no fruit");
      }
      Map<String, String> model = ServeOptions.modelKeys(c);
      RunFolder.requireWritable(run, "the evaluation's scores");
      // classify replacing the classifier while it is scored, or a second evaluate merging its report, would be lost or
      // misattributed; a missing run is named by FruitPredictor.open.
      try (RunLock lock = Files.isDirectory(run) ? RunLock.take(LocalLockFile.of(run), "fruits evaluate") : null) {
        Evaluation e;
        try (FruitPredictor predictor = FruitPredictor.open(run, model, ImageDecoder.DEFAULT_MAX_PIXELS, Runtime.getRuntime().availableProcessors(),
            Views.option(c))) {
          e = new Evaluation(predictor.classes());
          for (PhotoSet.Photo p : set.photos()) {
            e.fruit(p, top(predictor, p.file()));
          }
          for (Path p : nonFruit) {
            e.nonFruit(top(predictor, p));
          }
        }
        String title = "Evaluation on " + name(images) + (nonFruit.isEmpty() ? "" : " and " + name(Paths.get(c.value("--non-fruit"))));
        RunFolder folder = RunFolder.local(run);
        Path report = run.resolve(RunFiles.EVALUATION_REPORT);
        String earlier = Files.isRegularFile(report) ? Files.readString(report) : "";
        folder.write(RunFiles.EVALUATION_REPORT, EvaluationReport.merged(earlier, e.markdown(title, set.unlisted())));
        RunReport.write(folder);
        err.printf(Locale.ROOT, "[fruits] evaluate: %d photos, top-1 %.4f, top-3 %.4f, sure %.4f (right when sure %.4f); %d non-fruit photos,"
            + " not sure on %.4f%n", set.photos().size(), e.top1(), e.top3(), e.sureShare(), e.sureAccuracy(), nonFruit.size(), e.notSureOnNonFruit());
        if (e.beyond() > 0) {
          err.printf(Locale.ROOT, "[fruits] evaluate: %d photo(s) of fruits the classifier has no class for, counted wrong%n", e.beyond());
        }
        if (set.unlisted() > 0) {
          err.printf(Locale.ROOT, "[fruits] evaluate: %d file(s) in the folder that the manifest does not name, not scored%n", set.unlisted());
        }
        out.println(report.toAbsolutePath());
        return 0;
      }
    });
  }

  /** The last two names of a folder ({@code real-photos/dev}): enough to tell sets apart, no full path. */
  private static String name(Path dir) {
    Path p = dir.toAbsolutePath().normalize();
    return p.getParent() == null || p.getParent().getFileName() == null ? String.valueOf(p.getFileName())
        : p.getParent().getFileName() + "/" + p.getFileName();
  }

  /**
   * The answer on one photo, or null when it cannot be read as an image: a file gone or forbidden,
   * or over the pipeline's size limit, is counted as unreadable like a damaged one, and the other
   * photos are still scored.
   */
  private static Verdict top(FruitPredictor predictor, Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = PhotoBytes.read(file, PhotoBytes.DEFAULT_MAX);
    } catch (RejectedImageException | IOException e) { // the file's failures; the classifier's below still end the command
      return null;
    }
    try {
      return predictor.predict(file.toString(), bytes).verdict();
    } catch (RejectedImageException e) {
      return null;
    }
  }
}
