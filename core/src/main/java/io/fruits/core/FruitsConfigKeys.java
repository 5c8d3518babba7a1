package io.fruits.core;

import io.fruits.features.ImageDecoder;
import io.fruits.reduction.PcaEstimator;
import org.apache.hadoop.conf.Configuration;

/**
 * Every pipeline setting that is not part of the model descriptor, with its description and
 * default. Set any of them with {@code -D key=value}; {@code --help} prints this table.
 */
public enum FruitsConfigKeys {
  PACK_TARGET_BYTES("pack.target.bytes", "134217728", Type.COUNT, 1, "start a new SequenceFile after this many image bytes (128 MiB: one HDFS block)"),
  PACK_MAX_FILE_BYTES("pack.max.file.bytes", Long.toString(ImageTree.DEFAULT_MAX_FILE_BYTES), Type.COUNT, 1,
      "files larger than this are never read into memory and become too-large rejects (64 MiB)"),
  BATCH_SIZE("features.batch.size", "32", Type.COUNT, 1, "images per inference batch"),
  PREFETCH("features.prefetch", "true", Type.BOOLEAN, 0, "decode the next batch on a helper thread while the engine runs the current one"),
  ENGINE_THREADS("engine.threads", "0", Type.COUNT, 0, "engine threads per map task; 0: cores / concurrent map tasks"),
  MAX_PIXELS("image.max.pixels", Long.toString(ImageDecoder.DEFAULT_MAX_PIXELS), Type.COUNT, 1,
      "images whose header declares more pixels are rejected before decoding"),
  STATS_CHUNK("stats.chunk.records", "4096", Type.COUNT, 1, "vectors per partial sum in the statistics job, on average; ids are hashed, so every split layout gives the same sums"),
  PCA_K("pca.k", "0", Type.COUNT, 0, "number of principal components; 0: choose by pca.variance"),
  PCA_VARIANCE("pca.variance", "0.95", Type.FRACTION, 0, "share of variance the kept components must explain, in (0, 1]"),
  MODEL_LOCALIZED("fruits.model.localized", "", Type.TEXT, 0, "set by the driver: name of the model file in the task's working folder");

  /** What a value must be; {@link #checkAll} applies it to every key before any work. */
  private enum Type { TEXT, BOOLEAN, COUNT, FRACTION }

  private final String key;
  private final String defaultValue;
  private final Type type;
  private final long min;
  private final String description;

  FruitsConfigKeys(String key, String defaultValue, Type type, long min, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.type = type;
    this.min = min;
    this.description = description;
  }

  /** Reads every key by its type, so that a wrong value fails in the driver, not in a task hours later. */
  public static void checkAll(Configuration conf) {
    for (FruitsConfigKeys k : values()) {
      switch (k.type) {
        case BOOLEAN -> k.getBoolean(conf);
        case COUNT -> k.getLong(conf);
        case FRACTION -> k.getDouble(conf);
        case TEXT -> k.get(conf);
      }
    }
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The PCA rule of {@code pca.k} and {@code pca.variance}, checked before any work. */
  public static PcaEstimator pcaEstimator(Configuration conf) {
    int k = PCA_K.getInt(conf);
    return k > 0 ? PcaEstimator.withK(k) : PcaEstimator.withVariance(PCA_VARIANCE.getDouble(conf));
  }

  public String get(Configuration conf) {
    return conf.get(key, defaultValue);
  }

  public boolean getBoolean(Configuration conf) {
    String v = get(conf).trim();
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(key + " is '" + v + "'; give true or false (" + description + ")");
    }
    return Boolean.parseBoolean(v);
  }

  public int getInt(Configuration conf) {
    long v = getLong(conf);
    if (v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + " is " + v + "; give at most " + Integer.MAX_VALUE + " (" + description + ")");
    }
    return (int) v;
  }

  public long getLong(Configuration conf) {
    String v = get(conf).trim();
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      n = Long.MIN_VALUE;
    }
    if (n < min) {
      throw new IllegalArgumentException(key + " is '" + v + "'; give a whole number of at least " + min + " (" + description + ")");
    }
    return n;
  }

  public double getDouble(Configuration conf) {
    String v = get(conf).trim();
    double x;
    try {
      x = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      x = Double.NaN;
    }
    if (!(x > 0 && x <= 1)) {
      throw new IllegalArgumentException(key + " is '" + v + "'; give a number in (0, 1]");
    }
    return x;
  }
}
