package io.fruits.core;

import io.fruits.features.ImageDecoder;
import io.fruits.reduction.PcaEstimator;
import io.fruits.reduction.PcaMethod;
import io.fruits.reduction.RandomizedPca;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;

/**
 * Every pipeline setting that is not part of the model descriptor, with its description and
 * default. Set any of them with {@code -D key=value}; {@code --help} prints this table.
 */
public enum FruitsConfigKeys {
  PACK_TARGET_BYTES("pack.target.bytes", "134217728", Type.LONG, 1, "start a new SequenceFile after this many image bytes (128 MiB: one HDFS block)"),
  PACK_MAX_FILE_BYTES("pack.max.file.bytes", Long.toString(ImageTree.DEFAULT_MAX_FILE_BYTES), Type.LONG, 1,
      "files larger than this are never read into memory and become too-large rejects (64 MiB)"),
  PACK_JOB_MIN_FILES("pack.job.min.files", "20000", Type.LONG, 0,
      "inputs of at least this many files are packed by a map-only job, smaller ones by the driver (0: always the job)"),
  PACK_MAP_TASKS("pack.map.tasks", "auto", Type.TASKS, 1,
      "map tasks of the pack job: auto (one per pack.target.bytes of images, the driver's files) or a number"),
  AUGMENT_VARIANTS("augment.variants", "0", Type.INT, 0,
      "photo-like variants made of each image before the feature job (fruit cut out, drawn background, camera changes); 0: none"),
  AUGMENT_ONLY("augment.only", "", Type.TEXT, 0, "augment only the images whose id starts with this (e.g. Training/: never the Test images)"),
  AUGMENT_SEED("augment.seed", "42", Type.LONG, 0, "seed of the variants: the same seed gives the same bytes"),
  FEATURES_MAP_TASKS("features.map.tasks", "auto", Type.TASKS, 1,
      "map tasks of the feature job: auto (on YARN: the cluster's map slots x 3 waves; locally: the filesystem's blocks) or a number"),
  BATCH_SIZE("features.batch.size", "32", Type.INT, 1, "images per inference batch"),
  PREFETCH("features.prefetch", "true", Type.BOOLEAN, 0, "decode the next batch on a helper thread while the engine runs the current one"),
  ENGINE_THREADS("engine.threads", "0", Type.INT, 0, "engine threads per map task; 0: cores / concurrent map tasks"),
  MAX_PIXELS("image.max.pixels", Long.toString(ImageDecoder.DEFAULT_MAX_PIXELS), Type.LONG, 1,
      "pixels decoded per image: one up to four times larger is read at half size (JPEG, PNG, BMP, GIF, TIFF), a larger one is rejected before decoding"),
  STATS_CHUNK("stats.chunk.records", "4096", Type.INT, 1, "vectors per partial sum in the statistics job, on average; ids are hashed, so every split layout gives the same sums"),
  PCA_K("pca.k", "0", Type.INT, 0, "number of principal components; 0: choose by pca.variance"),
  PCA_VARIANCE("pca.variance", "0.95", Type.FRACTION, 0, "share of variance the kept components must explain, in (0, 1]"),
  PCA_METHOD("pca.method", "auto", Type.PCA_METHOD, 0,
      "exact (a d x d matrix), randomized (memory O(d (k + p))) or auto: exact up to " + PcaMethod.AUTO_EXACT_MAX + " features"),
  PCA_OVERSAMPLING("pca.oversampling", "15", Type.INT, 0, "randomized PCA: extra sketch columns p beyond k; more is more accurate"),
  PCA_POWER_ITERATIONS("pca.power.iterations", "2", Type.INT, 0, "randomized PCA: power iterations q, one pass over the vectors each"),
  PCA_SEED("pca.seed", "42", Type.LONG, 0, "randomized PCA: seed of the Gaussian sketch; the same seed gives the same bytes"),
  PCA_MAX_K("pca.max.k", "256", Type.INT, 1, "randomized PCA: most components pca.variance may choose (memory grows with it)"),
  OUTPUT_FORMATS("output.formats", "csv", Type.FORMATS, 0,
      "csv (always written: classify, predict and the bench read it), or csv,parquet for Parquet part files beside it"),
  TENSORFLOW_NATIVES("tensorflow.natives", "", Type.TEXT, 0,
      "on a cluster: a local jar or zip holding libjnitensorflow.so (e.g. tensorflow-core-native-*-linux-x86_64.jar), shipped to the tasks"),
  MODEL_LOCALIZED("fruits.model.localized", "", Type.TEXT, 0, "set by the driver: name of the model file in the task's working folder");

  /** What a value must be; {@link #checkAll} applies it to every key before any work. */
  private enum Type { TEXT, BOOLEAN, INT, LONG, FRACTION, FORMATS, PCA_METHOD, TASKS }

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
        case INT -> k.getInt(conf);
        case LONG -> k.getLong(conf);
        case FRACTION -> k.getDouble(conf);
        case FORMATS -> k.getFormats(conf);
        case PCA_METHOD -> k.getPcaMethod(conf);
        case TASKS -> k.getTasks(conf);
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

  /** The randomized PCA of {@code pca.oversampling}, {@code pca.power.iterations}, {@code pca.seed} and {@code pca.max.k}. */
  public static RandomizedPca randomizedPca(Configuration conf) {
    return new RandomizedPca(pcaEstimator(conf), PCA_OVERSAMPLING.getInt(conf), PCA_POWER_ITERATIONS.getInt(conf), PCA_SEED.getLong(conf),
        PCA_MAX_K.getInt(conf));
  }

  public String get(Configuration conf) {
    return conf.get(key, defaultValue);
  }

  public boolean getBoolean(Configuration conf) {
    return parse(conf, v -> v.equals("true") || v.equals("false") ? Boolean.valueOf(v) : null, b -> true, "true or false (" + description + ")");
  }

  public int getInt(Configuration conf) {
    return Math.toIntExact(parse(conf, Long::parseLong, n -> n >= min && n <= Integer.MAX_VALUE,
        "a whole number from " + min + " to " + Integer.MAX_VALUE + " (" + description + ")"));
  }

  public long getLong(Configuration conf) {
    return parse(conf, Long::parseLong, n -> n >= min, "a whole number of at least " + min + " (" + description + ")");
  }

  /** The output formats asked for: a comma-separated subset of csv and parquet. */
  public Set<String> getFormats(Configuration conf) {
    return parse(conf, v -> {
      List<String> named = List.of(v.toLowerCase(java.util.Locale.ROOT).split("\\s*,\\s*"));
      Set<String> formats = Set.copyOf(named);
      return formats.size() == named.size() ? formats : null; // a format named twice is a typo
    }, f -> Set.of("csv", "parquet").containsAll(f), "csv or csv,parquet (" + description + ")");
  }

  /** A number of tasks, or 0 for {@code auto}. */
  public int getTasks(Configuration conf) {
    return parse(conf, v -> v.equals("auto") ? 0 : Integer.parseInt(v), n -> n == 0 || n >= min,
        "auto or a whole number from " + min + " (" + description + ")");
  }

  public PcaMethod getPcaMethod(Configuration conf) {
    return parse(conf, v -> PcaMethod.named(v.toLowerCase(java.util.Locale.ROOT)), m -> true, "auto, exact or randomized (" + description + ")");
  }

  public double getDouble(Configuration conf) {
    return parse(conf, Double::parseDouble, x -> x > 0 && x <= 1, "a number in (0, 1]");
  }

  /** The value read by {@code parser} if it is there and {@code valid}; else one line saying what to give. */
  private <T> T parse(Configuration conf, Function<String, T> parser, Predicate<T> valid, String expected) {
    String v = get(conf).trim();
    try {
      T x = parser.apply(v);
      if (x != null && valid.test(x)) {
        return x;
      }
    } catch (NumberFormatException e) {
      // not a number: said below
    }
    throw new IllegalArgumentException(key + " is '" + v + "'; give " + expected);
  }
}
