package io.fruits.classifier;

import io.fruits.features.augment.Augmenter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How like the real photos it learned from a photo is: the cosine of its standardised features to
 * the nearest of them. The classifier's confidence means something only near what it learned
 * from. A photo from elsewhere (another camera, light and background than the shop's, or no fruit
 * at all) is far from every training photo and can still get a confident class: of the 43 camera
 * photos of real-photos/dev, 33 were answered sure and 3 of those were right. Such a photo is
 * answered "not sure".
 *
 * <p>The least similarity of a sure answer is fit like the other checks, on the training photos:
 * each against the photos of other runs of shots ({@link ShotGroup}; a shot's neighbours are near
 * copies), and set where {@value #RECALL} of them are. Not at 95% as the ImageNet check: the
 * photos of one shop taken on another day are farther from the training photos than the held-out
 * shots are (README, "Real photos"), and this check is for photos from another world, not for the
 * edge of this one.
 */
public final class Familiarity {
  /** The share of the training photos, each against the other runs of shots, that pass. */
  static final double RECALL = 0.99;
  /** No check: a classifier trained without real photos, or one saved before the check existed. */
  public static final Familiarity NONE = new Familiarity(new float[0], 0, 0, Double.NEGATIVE_INFINITY);
  private static final String MAGIC = "fruits-familiarity-1";

  private final float[] rows; // unit vectors of the photos, one after the other
  private final int count;
  private final int dimension;
  private final double min;

  private Familiarity(float[] rows, int count, int dimension, double min) {
    this.rows = rows;
    this.count = count;
    this.dimension = dimension;
    this.min = min;
  }

  /** The check for a classifier trained on {@code photos} (variants of the augment stage among them, if any). */
  static Familiarity fit(List<PhotoRow> photos) {
    if (photos.isEmpty()) {
      throw new IllegalArgumentException("no photos to compare photos with");
    }
    int n = photos.size();
    int d = photos.get(0).values().length;
    float[] rows = new float[n * d];
    int[] group = new int[n];
    Map<String, Integer> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      unit(photos.get(i).values(), rows, i * d);
      // A variant is a copy of its image: it belongs to that image's run of shots.
      group[i] = groups.computeIfAbsent(ShotGroup.of(Augmenter.sourceOf(photos.get(i).id())), g -> groups.size());
    }
    if (groups.size() < 2) {
      throw new IllegalArgumentException("the photos are all one run of shots; give photos of more than " + ShotGroup.RUN + " numbers");
    }
    double[] nearest = new double[n];
    int judged = 0;
    for (int i = 0; i < n; i++) {
      if (Augmenter.isVariant(photos.get(i).id())) {
        continue; // photos are judged as they come, not as the augmentation draws them
      }
      double best = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        if (group[j] != group[i]) {
          best = Math.max(best, dot(rows, i * d, rows, j * d, d));
        }
      }
      nearest[judged++] = best;
    }
    return new Familiarity(rows, n, d, Calibration.reachedBy(Arrays.copyOf(nearest, judged), RECALL));
  }

  /** The cosine of {@code values} (standardised features) to the nearest training photo; NaN without a check. */
  public double similarity(double[] values) {
    if (count == 0) {
      return Double.NaN;
    }
    if (values.length != dimension) {
      throw new IllegalArgumentException(values.length + " values, the photos have " + dimension);
    }
    float[] q = new float[dimension];
    unit(values, q, 0);
    double best = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < count; j++) {
      best = Math.max(best, dot(q, 0, rows, j * dimension, dimension));
    }
    return best;
  }

  /** Whether a photo with these standardised features is near enough to what the classifier learned from. */
  public boolean familiar(double[] values) {
    return count == 0 || similarity(values) >= min;
  }

  /** The least similarity of a sure answer (minus infinity without a check). */
  public double min() {
    return min;
  }

  /** How many photos it compares with (0: no check). */
  public int photos() {
    return count;
  }

  /** How many values a photo has. */
  public int dimension() {
    return dimension;
  }

  private static void unit(double[] values, float[] out, int at) {
    double norm = 0;
    for (double v : values) {
      norm += v * v;
    }
    double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (int k = 0; k < values.length; k++) {
      out[at + k] = (float) (values[k] * scale);
    }
  }

  private static double dot(float[] a, int i, float[] b, int j, int d) {
    float sum = 0;
    for (int k = 0; k < d; k++) {
      sum += a[i + k] * b[j + k];
    }
    return sum;
  }

  /** Saved whole or not at all ({@link ModelFiles#save}). */
  public void save(Path file) throws IOException {
    ModelFiles.save(file, MAGIC, out -> {
      out.writeInt(count);
      out.writeInt(dimension);
      out.writeDouble(min);
      for (float v : rows) {
        out.writeFloat(v);
      }
    });
  }

  /** The check saved in {@code file}; {@link #NONE} when there is no such file. Its size is checked before anything is allocated. */
  public static Familiarity load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    long size = Files.size(file);
    try (InputStream is = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(is))) {
      if (!ModelFiles.starts(in, MAGIC)) {
        throw new IllegalArgumentException(file.getFileName() + " is not a familiarity check; train again: fruits classify --run RUN");
      }
      int n = in.readInt();
      int d = in.readInt();
      double min = in.readDouble();
      long header = 2L + MAGIC.length() + 4 + 4 + 8;
      if (n < 1 || d < 1 || (long) n * d > Integer.MAX_VALUE - 8 || header + 4L * n * d != size || Double.isNaN(min)) {
        throw new IllegalArgumentException(file.getFileName() + " is damaged (" + n + " photos of " + d + " values in " + size
            + " bytes); train again: fruits classify --run RUN");
      }
      float[] rows = new float[n * d];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = in.readFloat();
      }
      return new Familiarity(rows, n, d, min);
    }
  }
}
