package io.fruits.core;

import io.fruits.features.ImageDecoder;
import io.fruits.reduction.PcaEstimator;
import org.apache.hadoop.conf.Configuration;

/**
 * Every pipeline setting that is not part of the model descriptor, with its description and
 * default. Set any of them with {@code -D key=value}; {@code --help} prints this table.
 */
public enum FruitsConfigKeys {
  PACK_TARGET_BYTES("pack.target.bytes", "134217728", "start a new SequenceFile after this many image bytes (128 MiB: one HDFS block)"),
  PACK_MAX_FILE_BYTES("pack.max.file.bytes", Long.toString(ImageTree.DEFAULT_MAX_FILE_BYTES), "files larger than this are never read into memory and become too-large rejects (64 MiB)"),
  BATCH_SIZE("features.batch.size", "32", "images per inference batch"),
  PREFETCH("features.prefetch", "true", "decode the next batch on a helper thread while the engine runs the current one"),
  ENGINE_THREADS("engine.threads", "0", "engine threads per map task; 0: cores / concurrent map tasks"),
  MAX_PIXELS("image.max.pixels", Long.toString(ImageDecoder.DEFAULT_MAX_PIXELS), "images whose header declares more pixels are rejected before decoding"),
  PCA_K("pca.k", "0", "number of principal components; 0: choose by pca.variance"),
  PCA_VARIANCE("pca.variance", "0.95", "share of variance the kept components must explain, in (0, 1]"),
  MODEL_LOCALIZED("fruits.model.localized", "", "set by the driver: name of the model file in the task's working folder");

  private final String key;
  private final String defaultValue;
  private final String description;

  FruitsConfigKeys(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
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
    if (k < 0) {
      throw new IllegalArgumentException("pca.k must be 0 (choose by pca.variance) or positive, was " + k);
    }
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
    return parse(conf, Integer::parseInt);
  }

  public long getLong(Configuration conf) {
    return parse(conf, Long::parseLong);
  }

  public double getDouble(Configuration conf) {
    return parse(conf, Double::parseDouble);
  }

  private <T> T parse(Configuration conf, java.util.function.Function<String, T> parser) {
    String v = get(conf).trim();
    try {
      return parser.apply(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is '" + v + "'; give a number (" + description + ")");
    }
  }
}
