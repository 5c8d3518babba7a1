package io.fruits.classifier;

import io.fruits.core.CommandLine;
import io.fruits.core.Launcher;
import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import io.fruits.core.RunReport;
import java.io.PrintStream;
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
  static final CommandLine.Spec SPEC = CommandLine.Spec.of("see fruits classify --help", List.of("--run", "--epochs"), List.of(), false);
  // Tribuo logs every label with its count at INFO; the report says what matters. Held here so
  // the setting is not collected with the logger.
  private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

  private ClassifyMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    return Launcher.run("fruits classify", err, () -> {
      CommandLine c = CommandLine.parse(args, SPEC);
      if (c.help()) {
        out.println(USAGE);
        return 0;
      }
      Path run = Paths.get(c.run());
      int epochs = (int) c.number("--epochs", DEFAULT_EPOCHS, 1, 100_000);
      List<LabelledVector> rows = PcaCsv.read(run.resolve(RunFiles.PCA_CSV));
      List<LabelledVector> training = split(rows, "Training");
      List<LabelledVector> test = split(rows, "Test");
      long start = System.nanoTime();
      FruitClassifier classifier = FruitClassifier.train(training, epochs);
      double seconds = (System.nanoTime() - start) / 1e9;
      Path model = run.resolve(RunFiles.CLASSIFIER);
      classifier.save(model);
      err.printf(Locale.ROOT, "[fruits] classifier: %d Training rows, %d classes, %d epochs in %.1f s -> %s%n", training.size(),
          training.stream().map(LabelledVector::label).distinct().count(), epochs, seconds, model);
      Path report = run.resolve(RunFiles.CLASSIFIER_REPORT);
      RunFolder folder = RunFolder.local(run);
      if (test.isEmpty()) {
        folder.write(RunFiles.CLASSIFIER_REPORT, "No Test/ images in this run: nothing to report on.\n");
      } else {
        ClassifierReport r = ClassifierReport.evaluate(classifier, test);
        folder.write(RunFiles.CLASSIFIER_REPORT, r.markdown("Fruit classifier on " + run.getFileName() + " (" + training.size()
            + " Training images, " + epochs + " epochs)"));
        err.printf(Locale.ROOT, "[fruits] classifier on %d Test images: top-1 %.4f, top-3 %.4f%n", r.rows(), r.top1(), r.top3());
      }
      RunReport.write(folder); // the run's page gains the classifier's accuracy
      out.println(report.toAbsolutePath());
      return 0;
    });
  }


  static List<LabelledVector> split(List<LabelledVector> rows, String name) {
    return rows.stream().filter(r -> r.split().equals(name)).collect(Collectors.toList());
  }
}
