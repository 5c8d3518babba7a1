package io.fruits.classifier;

import io.fruits.core.CommandLine;
import io.fruits.core.Launcher;
import io.fruits.core.LocalLockFile;
import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import io.fruits.core.RunLock;
import io.fruits.core.RunReport;
import io.fruits.core.RunSettings;
import io.fruits.features.ModelDescriptor;
import io.fruits.features.ModelKey;
import io.fruits.features.ModelLocator;
import io.fruits.features.augment.Augmenter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code fruits classify --run RUN [--photos PHOTO_RUN --classes classes.tsv] [--epochs N]}: the
 * stage after the pipeline. Trains the fruit classifier on the standardised features of the run's
 * {@code Training/} images and, with {@code --photos}, of real photos that a second run of the same
 * model turned into features; fits its calibration on held-out rows; saves both next to the PCA
 * model ({@code RUN/pca/}) and reports on the {@code Test/} images ({@code RUN/reports/classifier.md}).
 * With {@code --imagenet}, a third run of the photos through the whole ImageNet classifier sets
 * the check that a photo shows produce at all; with {@code --studio-imagenet}, a run of the
 * Training images through the same classifier sets that check for photos on white. With
 * {@code --imagenet-head} instead, both checks come from the vectors the runs already have, through
 * the classifier's last layer ({@link ImagenetHead}): no ImageNet runs. The photos'
 * standardised features are kept for the check that a photo is like one of them ({@link Familiarity}).
 * The report's path is the last line of standard output.
 *
 * <p>Decisions: the photos weigh as much in total as the Fruits-360 rows (there are ten times fewer,
 * and they are what users send); a photo whose folder maps to n classes is "one of these n", so the
 * classifier learns the family and spreads the variety. The calibration is fit on
 * {@value ClassifierTraining#PHOTOS_HELD_OUT}% of the photos, held out by runs of shots ({@link ShotGroup}); without
 * photos, on {@value ClassifierTraining#FRUITS_HELD_OUT}% of the Training rows (near copies of the rest: a
 * weak yardstick, and the report says so).
 *
 * <p>With photos, a second classifier is trained on the Fruits-360 rows alone, for photos of one
 * fruit on white ({@code RUN/pca/studio-classifier.bin}, chosen per photo by {@code predict}):
 * the photos pull the first one towards shops and cost it Fruits-360 Test images (MobileNetV2, the
 * demo: 0.9842 with the photos, 0.9860 without), and a photo on white is what Fruits-360 shows.
 * The report scores the Test images, which are photos on white, with it.
 */
public final class ClassifyMain {
  static final String USAGE =
      "usage: fruits classify --run RUN [--photos PHOTO_RUN --classes classes.tsv [--imagenet-head IMAGENET_MODEL | --imagenet"
          + " PHOTO_IMAGENET_RUN [--studio-imagenet TRAINING_IMAGENET_RUN]]] [--epochs N]";
  static final int DEFAULT_EPOCHS = 10;
  static final CommandLine.Spec SPEC =
      CommandLine.Spec.of("see fruits classify --help", List.of("--run", "--epochs", "--photos", "--classes", "--imagenet", "--studio-imagenet", "--imagenet-head"), List.of(), false);

  private ClassifyMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Launcher.run("fruits classify", err, () -> {
      CommandLine c = CommandLine.parse(args, SPEC);
      if (c.help()) {
        out.println(USAGE);
        return 0;
      }
      if ((c.value("--photos") == null) != (c.value("--classes") == null)) {
        throw new IllegalArgumentException("--photos and --classes go together: the photo run and its folders' classes.tsv");
      }
      if (c.value("--imagenet") != null && c.value("--photos") == null) {
        throw new IllegalArgumentException("--imagenet is the ImageNet run of the --photos: give both");
      }
      if (c.value("--imagenet-head") != null && (c.value("--imagenet") != null || c.value("--studio-imagenet") != null)) {
        throw new IllegalArgumentException("--imagenet-head takes the place of the ImageNet runs --imagenet and --studio-imagenet: give one or the others");
      }
      if (c.value("--imagenet-head") != null && c.value("--photos") == null) {
        throw new IllegalArgumentException("--imagenet-head sets the ImageNet check of the --photos: give both");
      }
      if (c.value("--studio-imagenet") != null && c.value("--imagenet") == null) {
        throw new IllegalArgumentException("--studio-imagenet is the ImageNet run of the Training images, beside --imagenet: give both");
      }
      // Never FRUITS_RUN: classify replaces a run's classifier, and a bare "fruits classify" had
      // replaced the demo's (trained with the real photos) by one of Fruits-360 alone.
      Path run = Paths.get(c.require("--run", "RUN (the run whose classifier to train: it is replaced, so it is never taken from FRUITS_RUN)"));
      int epochs = (int) c.number("--epochs", DEFAULT_EPOCHS, 1, 100_000);
      StandardFeatures features = StandardFeatures.of(run);
      RunFolder.requireWritable(run, "the classifier and its report");
      // One writer at a time: a run, or another classify or evaluate, writing beside this one would mix two classifiers' files.
      try (RunLock lock = RunLock.take(LocalLockFile.of(run), "fruits classify")) {
        return train(c, run, features, epochs, out, err);
      }
    });
  }

  /** Trains, saves and reports, the run held: the part of classify that writes. */
  private static int train(CommandLine c, Path run, StandardFeatures features, int epochs, PrintStream out, PrintStream err) throws IOException {
    List<LabelledVector> rows = features.read(run);
    List<LabelledVector> training = split(rows, "Training");
    // The report judges images; variants of Test images (augment.only left them in) would judge the augmentation.
    List<LabelledVector> test = withoutVariants(split(rows, "Test"));
    Set<String> known = ClassifierTraining.classes(training);
    // The classifier of real photos takes the CNN's values alone, without a colour histogram (StandardFeatures.forClassifier);
    // without photos, the one classifier answers photos on white and takes them all.
    int photoInputs = c.value("--photos") == null ? features.dimension() : features.withoutHistogram();
    Path photoRun = c.value("--photos") == null ? null : Paths.get(c.value("--photos"));
    List<LabelledVector> photoVectors = photoRun == null ? List.of() : PhotoRows.read(run, features, photoRun);
    List<PhotoRow> photos = photoRun == null ? List.of()
        : PhotoRows.labelled(photoVectors, PhotoClasses.read(Paths.get(c.value("--classes"))), known)
            .stream().map(p -> new PhotoRow(p.id(), p.folder(), p.classes(), features.forClassifier(p.values(), photoInputs))).toList();
    ImagenetRun imagenet = c.value("--imagenet") == null ? null : ImagenetRun.read(Paths.get(c.value("--imagenet")));
    ImagenetRun studioImagenet = c.value("--studio-imagenet") == null ? imagenet : ImagenetRun.read(Paths.get(c.value("--studio-imagenet")));
    if (c.value("--imagenet-head") != null) {
      // On the standardised rows already read: neither features.csv is parsed twice.
      LoadedHead head = imagenetHead(c.value("--imagenet-head"), run, features);
      imagenet = ImagenetRun.ofRows(photoVectors, head.head(), head.keys());
      studioImagenet = ImagenetRun.ofRows(withoutVariants(training), head.head(), head.keys());
    } else if (imagenet != null) {
      imagenet.requireImagesOf(VectorCsv.ids(photoRun.resolve(RunFiles.FEATURES_CSV)), "--imagenet", "the photo run " + photoRun);
    }
    if (studioImagenet != imagenet) {
      studioImagenet.requireImagesOf(withoutVariants(training).stream().map(LabelledVector::id).toList(), "--studio-imagenet",
          "the Training images of " + run);
    }
    if (studioImagenet != null && !studioImagenet.modelKeys().equals(imagenet.modelKeys())) {
      throw new IllegalArgumentException("--studio-imagenet was made with another model than --imagenet; run the Training images with the same"
          + " model (" + imagenet.modelKeys().getOrDefault("model.preset", imagenet.modelKeys().get("model.file")) + ")");
    }
    long start = System.nanoTime();
    ClassifierTraining.Result trained = ClassifierTraining.run(forClassifier(training, features, photoInputs), photos, imagenet, epochs);
    // Photos on white are what Fruits-360 shows: that classifier learns from its images, not their variants on
    // drawn backgrounds (with one variant each, Test top-1 0.9862 without them in it; 0.9750 when one classifier took all).
    // Its ImageNet check is set by its own training images where given: white-background close-ups
    // reach less produce than shop photos (MobileNetV2: 95% of the shop photos reach 0.0537, 76% of Fruits-360 Test).
    // Of one Fruits-360 class beside the photos' others, there is no classifier of photos on white to make.
    ClassifierTraining.Result studio = photos.isEmpty() || ClassifierTraining.classes(training).size() < 2 ? null
        : ClassifierTraining.run(withoutVariants(training), List.of(), studioImagenet, epochs);
    FruitClassifier classifier = trained.classifier();
    Calibration calibration = trained.calibration();
    double seconds = (System.nanoTime() - start) / 1e9;
    Familiarity familiarity = photos.isEmpty() ? Familiarity.NONE : Familiarity.fit(photos);
    Path model = run.resolve(RunFiles.CLASSIFIER);
    RunFolder folder = RunFolder.local(run);
    ClassifierFiles.replace(run, trained, familiarity, studio, imagenet);
    err.printf(Locale.ROOT, "[fruits] classifier: %d Training rows and %d photos, %d classes, %d epochs, trained %s in %.1f s -> %s%n",
        training.size(), photos.size(), classifier.classes().size(), epochs, studio == null ? "twice" : "twice, and on the Training images alone twice",
        seconds, model);
    err.printf(Locale.ROOT, "[fruits] calibration on %d held-out %s: temperature %.3f, sure from %.3f (covers %.3f, right %.3f)%n",
        calibration.rows(), photos.isEmpty() ? "Training rows" : "photos", calibration.temperature(), calibration.threshold(),
        calibration.coverage(), calibration.precision());
    if (imagenet != null) {
      err.printf(Locale.ROOT, "[fruits] ImageNet check: produce score at least %.4f (%.0f%% of %d photos)%n", calibration.produceMin(),
          100 * Calibration.PRODUCE_RECALL, imagenet.produceScores().size());
    }
    if (!photos.isEmpty()) {
      err.printf(Locale.ROOT, "[fruits] familiarity check: cosine to the nearest training photo at least %.4f (%.0f%% of %d photos, each"
          + " against other runs of shots)%n", familiarity.min(), 100 * Familiarity.RECALL, photos.size());
    }
    if (studio != null && studioImagenet != imagenet) {
      err.printf(Locale.ROOT, "[fruits] ImageNet check for photos on white: produce score at least %.4f (%.0f%% of %d Training images)%n",
          studio.calibration().produceMin(), 100 * Calibration.PRODUCE_RECALL, studioImagenet.produceScores().size());
    }
    Path report = run.resolve(RunFiles.CLASSIFIER_REPORT);
    String title = "Fruit classifier on " + run.getFileName() + " (" + training.size() + " Training images"
        + (photos.isEmpty() ? "" : ", " + photos.size() + " real photos") + ", " + epochs + " epochs)";
    String calibrated = calibrationMarkdown(calibration, familiarity, photos.isEmpty());
    if (test.isEmpty()) {
      folder.write(RunFiles.CLASSIFIER_REPORT, "No Test/ images in this run: nothing to report on.\n\n" + calibrated);
    } else {
      // Test images are photos on white: the classifier that answers those scores them.
      ClassifierTraining.Result answering = studio == null ? trained : studio;
      ClassifierReport r = ClassifierReport.evaluate(answering.classifier(), test);
      Calibration testCalibration = answering.calibration();
      CalibratedClassifier judge = new CalibratedClassifier(answering.classifier(), testCalibration, FruitCatalogue.load());
      // Fruits-360 rows have no ImageNet score here: the share is the classifier's own.
      long sure = test.stream().filter(t -> judge.judge(t.values(), 1, Double.NaN).familyProbability() >= testCalibration.threshold()).count();
      String studioNote = studio == null ? "" : String.format(Locale.ROOT, "%n## Photos on white%n%n- scored above by the classifier "
          + "trained on the Training images alone, without variants (`%s`), which answers photos of one fruit on white, and the share answered sure by "
          + "its own calibration (%d held-out Training rows: near copies of the rest, a weak yardstick; temperature %.3f, sure from %.4f)%n"
          + "%s- the classifier of real photos on the same Test images: top-1 %.4f%n", RunFiles.STUDIO_CLASSIFIER, testCalibration.rows(),
          testCalibration.temperature(), testCalibration.threshold(), studioImagenet == null ? "" : String.format(Locale.ROOT,
              "- its ImageNet check: produce at least %.4f (what %.0f%% of %s reach)%n", testCalibration.produceMin(),
              100 * Calibration.PRODUCE_RECALL, studioImagenet == imagenet ? "the real photos" : "the Training images"),
          ClassifierReport.evaluate(classifier, forClassifier(test, features, photoInputs)).top1());
      folder.write(RunFiles.CLASSIFIER_REPORT, r.markdown(title) + "\n" + calibrated
          + String.format(Locale.ROOT, "- Test images answered sure: %.4f%n", sure / (double) test.size()) + studioNote);
      err.printf(Locale.ROOT, "[fruits] classifier on %d Test images%s: top-1 %.4f, top-3 %.4f, sure %.4f%n", r.rows(),
          studio == null ? "" : " (the one for photos on white)", r.top1(), r.top3(), sure / (double) test.size());
    }
    RunReport.write(folder); // the run's page gains the classifier's accuracy
    out.println(report.toAbsolutePath());
    return 0;
  }

  private static String calibrationMarkdown(Calibration c, Familiarity familiarity, boolean onTraining) {
    return String.format(Locale.ROOT, "## Calibration and \"not sure\"%n%n"
        + "- fit on %d held-out %s%n- temperature %.3f (above 1: the raw probabilities were over-confident)%n"
        + "- answered sure when the family's probability is at least %.4f: on the held-out rows %.4f answered sure, of them %.4f right"
        + " (target %.2f)%n%s", c.rows(), onTraining
            ? "Training rows (near copies of the rows trained on: give real photos with --photos for a truthful threshold)"
            : "real photos (whole runs of shots, unseen by the classifier fit for it)", c.temperature(), c.threshold(), c.coverage(), c.precision(), Calibration.TARGET_PRECISION,
        Double.isNaN(c.produceMin()) ? "- no ImageNet check (give --imagenet)\n" : String.format(Locale.ROOT,
            "- and only when the ImageNet classifier gives produce at least %.4f (what %.0f%% of the training photos reach)%n",
            c.produceMin(), 100 * Calibration.PRODUCE_RECALL))
        + (familiarity.photos() == 0 ? "" : String.format(Locale.ROOT, "- and only when the whole photo is like one of the %d training"
            + " photos: cosine of the standardised features to the nearest at least %.4f (what %.0f%% of them reach against the photos of"
            + " other runs of shots)%n", familiarity.photos(), familiarity.min(), 100 * Familiarity.RECALL));
  }

  /** The last layer of the ImageNet classifier {@code model} names, and the keys {@code predict} finds its file by. */
  private record LoadedHead(ImagenetHead head, Map<String, String> keys) {}

  /**
   * {@code --imagenet-head}: the last layer of the whole classifier of the run's backbone, checked to
   * pool the run's feature map as the run does (average), so that the runs' vectors are its input;
   * on them standardised with {@code features}, as classify holds them.
   */
  private static LoadedHead imagenetHead(String model, Path run, StandardFeatures features) throws IOException {
    Map<String, String> settings = RunFolder.local(run).properties(RunFiles.SETTINGS);
    String pooling = settings.getOrDefault(ModelKey.POOLING.key(), "");
    if (!pooling.equals("avg")) {
      throw new IllegalArgumentException("--imagenet-head takes average-pooled features (model.pooling=avg), the run has '" + pooling
          + "'; run the photos through the ImageNet classifier and give --imagenet instead");
    }
    ModelDescriptor d = ModelDescriptor.forModel(model, Map.of());
    Path file = new ModelLocator().locate(d);
    ImagenetHead head = ImagenetHead.read(file, settings.getOrDefault(ModelKey.OUTPUT_NAME.key(), ""));
    return new LoadedHead(features.onStandardised(head), RunSettings.modelKeys(d, file));
  }

  /** The images of {@code rows}, without the variants the augment stage drew of them. */
  static List<LabelledVector> withoutVariants(List<LabelledVector> rows) {
    return rows.stream().filter(r -> !Augmenter.isVariant(r.id())).toList();
  }

  /** {@code rows} as a classifier of {@code inputs} values takes them (the same arrays when that is all of them). */
  static List<LabelledVector> forClassifier(List<LabelledVector> rows, StandardFeatures features, int inputs) {
    return rows.stream().map(r -> new LabelledVector(r.id(), r.label(), features.forClassifier(r.values(), inputs))).toList();
  }

  static List<LabelledVector> split(List<LabelledVector> rows, String name) {
    return rows.stream().filter(r -> r.split().equals(name)).collect(Collectors.toList());
  }
}
