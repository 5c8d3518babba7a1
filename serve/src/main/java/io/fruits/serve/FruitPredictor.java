package io.fruits.serve;

import io.fruits.classifier.CatalogueEntry;
import io.fruits.classifier.FruitCatalogue;
import io.fruits.classifier.FruitClassifier;
import io.fruits.classifier.Guess;
import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import io.fruits.features.FeatureExtractor;
import io.fruits.features.ImageBatch;
import io.fruits.features.ImagePreprocessor;
import io.fruits.features.ModelDescriptor;
import io.fruits.features.ModelLocator;
import io.fruits.features.RejectedImageException;
import io.fruits.features.Sha256;
import io.fruits.reduction.PcaModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Photo in, top classes out, through exactly what a pipeline run used: its CNN and preprocessing
 * (from the run's {@code run.properties}), its PCA model and the classifier trained on it. Loaded
 * once; one photo at a time (a DJL predictor is not thread-safe), so run more instances to serve
 * more.
 */
public final class FruitPredictor implements AutoCloseable {
  private final FeatureExtractor extractor;
  private final ImagePreprocessor preprocessor;
  private final ImageBatch batch;
  private final PcaModel pca;
  private final FruitClassifier classifier;
  private final FruitCatalogue catalogue = FruitCatalogue.load();

  private FruitPredictor(ModelDescriptor d, FeatureExtractor extractor, long maxPixels, PcaModel pca, FruitClassifier classifier) {
    this.extractor = extractor;
    this.preprocessor = new ImagePreprocessor(d, maxPixels);
    this.batch = new ImageBatch(d, 1);
    this.pca = pca;
    this.classifier = classifier;
  }

  /**
   * Opens the run in {@code run}: {@code overrides} are {@code model.*} keys that say where the
   * model file is on this machine ({@code model.dir}, {@code model.path}).
   */
  public static FruitPredictor open(Path run, Map<String, String> overrides, long maxPixels, int threads) throws IOException {
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
    Map<String, String> keys = new java.util.TreeMap<>(saved);
    keys.putAll(overrides);
    ModelDescriptor d = ModelDescriptor.of(keys);
    PcaModel pca;
    try (Reader r = Files.newBufferedReader(pcaFile, StandardCharsets.UTF_8)) {
      pca = PcaModel.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException(pcaFile + ": " + e.getMessage());
    }
    FruitClassifier classifier = FruitClassifier.load(classifierFile);
    if (classifier.dimension() != pca.k()) {
      throw new IllegalArgumentException(classifierFile + " expects " + classifier.dimension() + " components but the PCA model gives "
          + pca.k() + "; retrain it: fruits classify --run " + run);
    }
    Path modelFile = new ModelLocator().locate(d);
    String expected = saved.get(RunFiles.MODEL_SHA256);
    String actual = Sha256.of(modelFile);
    if (expected == null || !expected.equalsIgnoreCase(actual)) {
      throw new IllegalArgumentException("the model file " + modelFile.getFileName() + " is not the one this run was made with (sha256 "
          + actual + ", the run has " + expected + "); point -D model.dir or -D model.path at the run's model");
    }
    FeatureExtractor extractor = FeatureExtractor.open(d, modelFile, threads);
    try {
      if (extractor.dimension() != pca.dimension()) {
        throw new IllegalArgumentException("the model gives " + extractor.dimension() + " values but the PCA model expects " + pca.dimension()
            + "; the run's model settings do not match this model file");
      }
      return new FruitPredictor(d, extractor, maxPixels, pca, classifier);
    } catch (RuntimeException e) {
      extractor.close(); // a predictor that failed to open holds no native memory
      throw e;
    }
  }

  /** The three most probable classes of the photo in {@code bytes}, named {@code name}. */
  public synchronized Answer predict(String name, byte[] bytes) throws RejectedImageException, IOException {
    preprocessor.prepare(bytes, bytes.length, batch, 0);
    batch.setCount(1);
    float[] vector = extractor.extract(batch)[0];
    List<Guess> top = classifier.top(pca.transform(vector), 3);
    List<CatalogueEntry> entries = new ArrayList<>();
    for (Guess g : top) {
      entries.add(catalogue.entry(g.label()));
    }
    return new Answer(name, top, entries);
  }

  @Override
  public void close() {
    extractor.close();
  }
}
