package io.fruits.serve;

import io.fruits.classifier.CalibratedClassifier;
import io.fruits.classifier.CatalogueEntry;
import io.fruits.classifier.Familiarity;
import io.fruits.classifier.FruitCatalogue;
import io.fruits.classifier.Guess;
import io.fruits.classifier.ImagenetHead;
import io.fruits.classifier.ImagenetRun;
import io.fruits.classifier.ProduceScore;
import io.fruits.classifier.StandardFeatures;
import io.fruits.classifier.Verdict;
import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import io.fruits.features.FeatureExtractor;
import io.fruits.features.ImageBatch;
import io.fruits.features.ImageDecoder;
import io.fruits.features.ImagePreprocessor;
import io.fruits.features.ModelDescriptor;
import io.fruits.features.ModelLocator;
import io.fruits.features.RejectedImageException;
import io.fruits.features.RgbImage;
import io.fruits.features.Sha256;
import io.fruits.features.StudioShot;
import io.fruits.reduction.PcaModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Photo in, top classes out, through exactly what a pipeline run used: its CNN and preprocessing
 * (from the run's {@code run.properties}), its PCA model and the classifier trained on it. Loaded
 * once. Photos are {@linkplain #prepare prepared} (decoded, their views resized) on any number of
 * threads at once, and {@linkplain #answer answered} one at a time (a DJL predictor is not
 * thread-safe); run more instances to serve more.
 */
public final class FruitPredictor implements AutoCloseable {
  /**
   * Views per photo ({@link Views}): one of a Fruits-360-like photo of a fruit on white, six of any
   * other. More views help real photos and hurt Fruits-360's centred fruit (MobileNetV2, the demo's
   * run, the same number for every photo: 6 views, real-photos/dev top-1 0.6778 -> 0.7194 and
   * Fruits-360 Test 0.9848 -> 0.9560); choosing per photo keeps the gain and not the loss.
   */
  static final int DEFAULT_VIEWS = Views.AUTO;
  private final FeatureExtractor extractor;
  private final ImagePreprocessor preprocessor;
  private final ImageBatch batch;
  private final StandardFeatures standard;
  private final CalibratedClassifier classifier;
  private final CalibratedClassifier studio; // null: the run has no classifier of its own for photos on white
  private final Imagenet imagenet; // null: the run has no ImageNet check, or it is the head's
  private final ImagenetHead head; // null: the run has no ImageNet check, or it runs the whole classifier
  private final int views;
  private final ModelDescriptor descriptor;
  private final long maxPixels;

  /** The whole ImageNet classifier of the run's backbone, with its own preprocessing. */
  private record Imagenet(FeatureExtractor extractor, ModelDescriptor descriptor, ImagePreprocessor preprocessor, ImageBatch batch) {}
  private final FruitCatalogue catalogue = FruitCatalogue.load();
  private boolean closed; // guarded by this, as answer() is

  private FruitPredictor(ModelDescriptor d, FeatureExtractor extractor, long maxPixels, StandardFeatures standard,
      CalibratedClassifier classifier, CalibratedClassifier studio, Imagenet imagenet, ImagenetHead head, int views) {
    this.standard = standard;
    this.head = head;
    this.studio = studio;
    this.extractor = extractor;
    this.views = views;
    this.imagenet = imagenet;
    this.descriptor = d;
    this.maxPixels = maxPixels;
    this.preprocessor = new ImagePreprocessor(d, maxPixels); // its tensor writer, under the lock
    this.batch = new ImageBatch(d, 1);
    this.classifier = classifier;
  }

  /**
   * Opens the run in {@code run}: {@code overrides} are {@code model.*} keys that say where the
   * model file is on this machine ({@code model.dir}, {@code model.path}).
   */
  public static FruitPredictor open(Path run, Map<String, String> overrides, long maxPixels, int threads) throws IOException {
    return open(run, overrides, maxPixels, threads, DEFAULT_VIEWS);
  }

  /** As above, averaging the answers on {@code views} views of each photo ({@link Views}; {@link Views#AUTO} picks per photo). */
  public static FruitPredictor open(Path run, Map<String, String> overrides, long maxPixels, int threads, int views) throws IOException {
    Views.checkSetting(views);
    Path settings = run.resolve(RunFiles.SETTINGS);
    Path pcaFile = run.resolve(RunFiles.PCA_MODEL);
    Path classifierFile = run.resolve(RunFiles.CLASSIFIER);
    for (Path p : List.of(settings, pcaFile)) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(p + " is missing; give --run a finished run of fruits run (its --output folder)");
      }
    }
    if (!Files.isRegularFile(classifierFile)) {
      throw new IllegalArgumentException(classifierFile + " is missing; train it first: fruits classify --run " + run);
    }
    // run.properties holds the run's model.* keys and its model's checksum; the overrides say
    // where the model file is on this machine.
    Map<String, String> saved = RunFolder.local(run).properties(RunFiles.SETTINGS);
    ModelDescriptor d = descriptor(saved, overrides);
    PcaModel pca;
    try (Reader r = Files.newBufferedReader(pcaFile, StandardCharsets.UTF_8)) {
      pca = PcaModel.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException(pcaFile + ": " + e.getMessage());
    }
    // Only the classifier of real photos has the check: photos on white are what its other one learned from.
    StandardFeatures standard = StandardFeatures.of(pca, saved);
    CalibratedClassifier classifier = classifier(run, classifierFile, RunFiles.CALIBRATION, standard)
        .with(Familiarity.load(run.resolve(RunFiles.FAMILIARITY)));
    Path studioFile = run.resolve(RunFiles.STUDIO_CLASSIFIER);
    CalibratedClassifier studio = Files.isRegularFile(studioFile) ? classifier(run, studioFile, RunFiles.STUDIO_CALIBRATION, standard) : null;
    Path modelFile = checkedFile(d, saved);
    FeatureExtractor extractor = FeatureExtractor.open(d, modelFile, threads);
    FeatureExtractor imagenetExtractor = null;
    try {
      if (extractor.dimension() != pca.dimension()) {
        throw new IllegalArgumentException("the model gives " + extractor.dimension() + " values but the PCA model expects " + pca.dimension()
            + "; the run's model settings do not match this model file");
      }
      Imagenet imagenet = null;
      ImagenetHead head = null;
      if (Files.isRegularFile(run.resolve(RunFiles.IMAGENET))) {
        Map<String, String> imagenetKeys = RunFolder.local(run).properties(RunFiles.IMAGENET);
        ModelDescriptor id = descriptor(imagenetKeys, overrides);
        if (ImagenetRun.FROM_VECTORS.equals(imagenetKeys.get(ImagenetRun.FROM))) {
          // Its last layer, on the standardised vector of the whole photo, as classify applied it; checked to
          // take the map this run's own model file makes (classify had only the run's settings).
          head = standard.onStandardised(ImagenetHead.read(checkedFile(id, imagenetKeys), modelFile, d.outputName()));
        } else {
          imagenetExtractor = FeatureExtractor.open(id, checkedFile(id, imagenetKeys), threads);
          imagenet = new Imagenet(imagenetExtractor, id, new ImagePreprocessor(id, maxPixels), new ImageBatch(id, 1));
        }
      }
      return new FruitPredictor(d, extractor, maxPixels, standard, classifier, studio, imagenet, head, views);
    } catch (RuntimeException | IOException e) {
      extractor.close(); // a predictor that failed to open holds no native memory
      if (imagenetExtractor != null) {
        imagenetExtractor.close();
      }
      throw e;
    }
  }

  private static CalibratedClassifier classifier(Path run, Path file, String calibration, StandardFeatures standard) throws IOException {
    CalibratedClassifier c = CalibratedClassifier.load(file, run.resolve(calibration), FruitCatalogue.load());
    if (!standard.fits(c.dimension())) {
      throw new IllegalArgumentException(file.getFileName() + " expects " + c.dimension() + " features but the run has "
          + standard.dimension() + "; retrain it: fruits classify --run " + run);
    }
    return c;
  }

  private static ModelDescriptor descriptor(Map<String, String> saved, Map<String, String> overrides) {
    // A run made before model.int8 existed ran an int8 model the fast way: its photos must meet the same arithmetic.
    Map<String, String> keys = ModelDescriptor.asSaved(new java.util.TreeMap<>(saved));
    keys.putAll(overrides);
    return ModelDescriptor.of(keys);
  }

  /** The model file that {@code d} names, checked to be the one {@code saved} was made with. */
  private static Path checkedFile(ModelDescriptor d, Map<String, String> saved) throws IOException {
    Path modelFile = new ModelLocator().locate(d);
    String expected = saved.get(RunFiles.MODEL_SHA256);
    String actual = Sha256.of(modelFile);
    if (expected == null || !expected.equalsIgnoreCase(actual)) {
      throw new IllegalArgumentException("the model file " + modelFile.getFileName() + " is not the one this run was made with (sha256 "
          + actual + ", the run has " + expected + "); point -D model.dir or -D model.path at the run's model");
    }
    return modelFile;
  }

  /** The classes it can answer. */
  public Set<String> classes() {
    return Set.copyOf(classifier.classes());
  }

  /** The three most probable classes of the photo in {@code bytes}, named {@code name}, and whether to trust them. */
  public Answer predict(String name, byte[] bytes) throws RejectedImageException, IOException {
    return answer(prepare(name, bytes));
  }

  /** The pixels the photo in {@code bytes} declares in its header, if it is one this predictor decodes. */
  long pixels(byte[] bytes) throws RejectedImageException {
    return new ImageDecoder(maxPixels).pixels(bytes, bytes.length);
  }

  /**
   * Decodes the photo and brings its views to the models' input sizes: the work on pixels, which
   * for a phone photo takes longer than the CNN's passes, so it runs on the caller's thread,
   * outside the models' lock and for several photos at once.
   */
  PreparedPhoto prepare(String name, byte[] bytes) throws RejectedImageException {
    // Preprocessors of its own: they keep buffers, and this runs on several threads at once.
    ImagePreprocessor pixels = new ImagePreprocessor(descriptor, maxPixels);
    RgbImage decoded = pixels.decoded(bytes, bytes.length); // once: the views and the ImageNet check resize the same pixels
    // A photo of one fruit on white is what Fruits-360 shows: its own classifier, no closer views, its shape kept.
    boolean onWhite = StudioShot.is(decoded);
    RgbImage imagenetInput = imagenet == null ? null : new ImagePreprocessor(imagenet.descriptor(), maxPixels).resize(decoded, onWhite).copy();
    List<RgbImage> seen = new ArrayList<>();
    for (RgbImage view : Views.of(decoded, Views.count(onWhite, views))) {
      seen.add(pixels.resize(view, onWhite).copy()); // a copy: the resizer's buffer is reused for the next view
    }
    return new PreparedPhoto(name, seen, imagenetInput, onWhite, Png.of(seen.get(0)));
  }

  /** The CNN passes on a prepared photo and the classifier's verdict; one photo at a time, as a DJL predictor is not thread-safe. */
  synchronized Answer answer(PreparedPhoto photo) throws RejectedImageException, IOException {
    if (closed) {
      throw new IllegalStateException("the predictor is closed"); // its native sessions are gone
    }
    double produce = produce(photo.imagenetInput());
    CalibratedClassifier judge = photo.onWhite() && studio != null ? studio : classifier;
    List<double[]> standardised = new ArrayList<>(); // as the classifier that answers takes them
    for (RgbImage seen : photo.views()) {
      preprocessor.prepare(seen, batch, 0);
      batch.setCount(1);
      double[] vector = standard.transform(extractor.extract(batch)[0]);
      if (head != null && standardised.isEmpty()) {
        produce = head.produce(vector); // the first view is the whole photo, as the ImageNet check sees it
      }
      standardised.add(standard.forClassifier(vector, judge.dimension()));
    }
    Verdict verdict = judge.judge(standardised, 3, produce);
    List<CatalogueEntry> entries = new ArrayList<>();
    for (Guess g : verdict.top()) {
      entries.add(catalogue.entry(g.label()));
    }
    return new Answer(photo.name(), verdict, entries, photo.png());
  }

  /** The photo's {@link ProduceScore} from the ImageNet classifier; NaN when the run has none. */
  private double produce(RgbImage input) throws RejectedImageException, IOException {
    if (imagenet == null) {
      return Double.NaN;
    }
    imagenet.preprocessor().prepare(input, imagenet.batch(), 0);
    imagenet.batch().setCount(1);
    return ProduceScore.of(imagenet.extractor().extract(imagenet.batch())[0]);
  }

  /** Closes the models once the photo being computed, if any, is answered; later photos are refused. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    extractor.close();
    if (imagenet != null) {
      imagenet.extractor().close();
    }
  }
}
