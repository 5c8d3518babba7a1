package io.fruits.spark;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code -D key=value} settings of the Spark edition: the same names and defaults as the
 * MapReduce edition's (see {@code fruits --help}), so one command line configures both. Keys
 * starting with {@code spark.} go to Spark itself; {@code model.*} keys override the descriptor.
 */
final class SparkSettings {
  private final Map<String, String> values;

  SparkSettings(Map<String, String> values) {
    this.values = new TreeMap<>(values);
  }

  int batchSize() {
    return positive("features.batch.size", 32);
  }

  boolean prefetch() {
    String v = values.getOrDefault("features.prefetch", "true");
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("features.prefetch is '" + v + "'; give true or false");
    }
    return Boolean.parseBoolean(v);
  }

  long maxPixels() {
    return number("image.max.pixels", 40_000_000L);
  }

  /**
   * Engine threads per task: Spark's own {@code spark.task.cpus}, so the scheduler never runs
   * more threads than cores (tasks at once x cpus per task = the executor's cores). An explicit
   * {@code engine.threads} must agree with it.
   */
  int engineThreads() {
    int cpus = positive("spark.task.cpus", 1);
    int threads = (int) number("engine.threads", 0);
    if (threads != 0 && threads != cpus) {
      throw new IllegalArgumentException("engine.threads=" + threads + " but spark.task.cpus=" + cpus
          + "; in the Spark edition set -D spark.task.cpus=" + threads + " instead, so Spark reserves those cores");
    }
    return cpus;
  }

  int pcaK() {
    return (int) number("pca.k", 0);
  }

  double pcaVariance() {
    String v = values.getOrDefault("pca.variance", "0.95");
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("pca.variance is '" + v + "'; give a number in (0, 1]");
    }
  }

  Map<String, String> withPrefix(String prefix) {
    Map<String, String> m = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        m.put(k, v);
      }
    });
    return m;
  }

  private int positive(String key, int fallback) {
    long v = number(key, fallback);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + " is " + v + "; give a positive number");
    }
    return (int) v;
  }

  private long number(String key, long fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is '" + v + "'; give a whole number");
    }
  }
}
