package io.fruits.features;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs the CNN on prepared batches and returns one pooled vector per image. The model itself is
 * shared per JVM ({@link LoadedModels}); each extractor has its own predictor, since DJL
 * predictors are not thread-safe.
 */
public final class FeatureExtractor implements AutoCloseable {
  private final ModelDescriptor descriptor;
  private final Predictor<ImageBatch, float[][]> predictor;
  private int dimension = -1;

  private FeatureExtractor(ModelDescriptor descriptor, Predictor<ImageBatch, float[][]> predictor) {
    this.descriptor = descriptor;
    this.predictor = predictor;
  }

  /**
   * Opens the model in {@code file} described by {@code d}.
   *
   * @param threads the engine's intra-op threads; with concurrent tasks, threads x tasks should
   *     not exceed the cores
   */
  public static FeatureExtractor open(ModelDescriptor d, Path file, int threads) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("engine.threads must be at least 1");
    }
    return new FeatureExtractor(d, LoadedModels.get(d, file, threads).newPredictor());
  }

  public ModelDescriptor descriptor() {
    return descriptor;
  }

  /** Vectors for the first {@code batch.count()} images. */
  public float[][] extract(ImageBatch batch) throws IOException {
    if (batch.count() == 0) {
      return new float[0][];
    }
    try {
      float[][] out = withHistograms(predictor.predict(batch), batch);
      dimension = out[0].length;
      return out;
    } catch (TranslateException | RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      if (root instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) root; // a descriptor that does not fit the model
      }
      throw new IOException(root.getMessage(), e);
    }
  }

  private static float[][] withHistograms(float[][] vectors, ImageBatch batch) {
    if (batch.histogram(0) == null) {
      return vectors;
    }
    for (int i = 0; i < vectors.length; i++) {
      float[] v = java.util.Arrays.copyOf(vectors[i], vectors[i].length + ColourHistogram.SIZE);
      System.arraycopy(batch.histogram(i), 0, v, vectors[i].length, ColourHistogram.SIZE);
      vectors[i] = v;
    }
    return vectors;
  }

  /**
   * The vector length, found by running one blank image through the model. This is also the
   * fail-fast check of the descriptor: wrong input name, size or output name fail here.
   */
  public int dimension() {
    if (dimension < 0) {
      ImageBatch probe = new ImageBatch(descriptor, 1);
      probe.setCount(1);
      try {
        extract(probe);
      } catch (IOException e) {
        throw new IllegalArgumentException("the model rejected a " + descriptor.width() + "x" + descriptor.height() + " "
            + (descriptor.inputChannelsLast() ? "NHWC" : "NCHW") + " input (" + e.getMessage().replace('\n', ' ')
            + "); check -Dmodel.input.name, -Dmodel.input.width/height and -Dmodel.input.layout", e);
      }
    }
    return dimension;
  }

  @Override
  public void close() {
    predictor.close();
  }
}
