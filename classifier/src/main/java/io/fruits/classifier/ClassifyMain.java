package io.fruits.classifier;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code fruits classify --run RUN [--epochs N]}: the stage after the pipeline. Trains the fruit
 * classifier on the PCA components of the run's {@code Training/} images, saves it next to the
 * PCA model ({@code RUN/pca/classifier.tribuo}) and reports on its {@code Test/} images
 * ({@code RUN/reports/classifier.md}). The report's path is the last line of standard output.
 */
public final class ClassifyMain {
  static final String USAGE = "usage: fruits classify --run RUN [--epochs N]";
  static final int DEFAULT_EPOCHS = 20;
  // Tribuo logs every label with its count at INFO; the report says what matters. Held here so
  // the setting is not collected with the logger.
  private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

  private ClassifyMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    try {
      Path run = null;
      int epochs = DEFAULT_EPOCHS;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--run") && i + 1 < args.length) {
          run = Paths.get(args[++i]);
        } else if (args[i].equals("--epochs") && i + 1 < args.length) {
          epochs = positive(args[++i]);
        } else {
          throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
        }
      }
      if (run == null) {
        throw new IllegalArgumentException("--run is missing; " + USAGE);
      }
      List<LabelledVector> rows = PcaCsv.read(run.resolve("pca.csv"));
      List<LabelledVector> training = split(rows, "Training");
      List<LabelledVector> test = split(rows, "Test");
      long start = System.nanoTime();
      FruitClassifier classifier = FruitClassifier.train(training, epochs);
      double seconds = (System.nanoTime() - start) / 1e9;
      Path model = run.resolve("pca/classifier.tribuo");
      classifier.save(model);
      err.printf(Locale.ROOT, "[fruits] classifier: %d Training rows, %d classes, %d epochs in %.1f s -> %s%n", training.size(),
          training.stream().map(LabelledVector::label).distinct().count(), epochs, seconds, model);
      Path report = run.resolve("reports/classifier.md");
      Files.createDirectories(report.getParent());
      if (test.isEmpty()) {
        writeAtomically(report, "No Test/ images in this run: nothing to report on.\n");
      } else {
        ClassifierReport r = ClassifierReport.evaluate(classifier, test);
        writeAtomically(report, r.markdown("Fruit classifier on " + run.getFileName() + " (" + training.size()
            + " Training images, " + epochs + " epochs)"));
        err.printf(Locale.ROOT, "[fruits] classifier on %d Test images: top-1 %.4f, top-3 %.4f%n", r.rows(), r.top1(), r.top3());
      }
      out.println(report.toAbsolutePath());
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("fruits classify: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("fruits classify: " + e.getMessage());
      e.printStackTrace(err);
      return 1;
    }
  }

  private static void writeAtomically(Path file, String text) throws java.io.IOException {
    Path tmp = file.resolveSibling("_" + file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static int positive(String v) {
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what to give
    }
    throw new IllegalArgumentException("--epochs is '" + v + "'; give a positive whole number");
  }

  static List<LabelledVector> split(List<LabelledVector> rows, String name) {
    return rows.stream().filter(r -> r.split().equals(name)).collect(Collectors.toList());
  }
}
