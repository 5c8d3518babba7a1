package io.fruits.mapreduce;

import java.util.Locale;
import java.util.Map;

/** The benchmark's results as a Markdown table and as CSV; every ratio comes from this one run. */
record BenchReport(
    int images,
    int threads,
    int batch,
    String model,
    double engineRate,
    Map<String, Double> stageSeconds,
    Map<String, Long> stageBytes,
    int vectors,
    Map<String, Double> syntheticSeconds) {

  double featureRate() {
    return images / stageSeconds.getOrDefault("features", Double.NaN);
  }

  double total(Map<String, Double> seconds) {
    return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "## MapReduce edition, %s, %d images, batch %d, %d engine thread(s), %d cores%n%n",
        model, images, batch, threads, Runtime.getRuntime().availableProcessors()));
    sb.append("| stage | wall s | images/s | bytes written |\n|---|---:|---:|---:|\n");
    for (Map.Entry<String, Double> e : stageSeconds.entrySet()) {
      sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %d |%n", e.getKey(), e.getValue(), images / e.getValue(),
          stageBytes.getOrDefault(e.getKey(), 0L)));
    }
    sb.append(String.format(Locale.ROOT, "| total | %.2f | %.1f | %d |%n%n", total(stageSeconds), images / total(stageSeconds),
        stageBytes.values().stream().mapToLong(Long::longValue).sum()));
    sb.append(String.format(Locale.ROOT, "- engine alone (pre-decoded tensors): %.1f images/s%n", engineRate));
    sb.append(String.format(Locale.ROOT, "- feature stage: %.1f images/s = %.1f%% of the engine alone%n", featureRate(),
        100 * featureRate() / engineRate));
    sb.append(String.format(Locale.ROOT, "- stats + PCA + projection on %d x 512 synthetic vectors: %.2f s (stats %.2f, pca %.2f, projection %.2f); goal < 60 s%n",
        vectors, total(syntheticSeconds), syntheticSeconds.get("stats"), syntheticSeconds.get("pca"), syntheticSeconds.get("projection")));
    return sb.toString();
  }

  String csv() {
    StringBuilder sb = new StringBuilder("measure,seconds,images_per_s,bytes\n");
    for (Map.Entry<String, Double> e : stageSeconds.entrySet()) {
      sb.append(String.format(Locale.ROOT, "%s,%.3f,%.2f,%d%n", e.getKey(), e.getValue(), images / e.getValue(),
          stageBytes.getOrDefault(e.getKey(), 0L)));
    }
    sb.append(String.format(Locale.ROOT, "engine_alone,,%.2f,%n", engineRate));
    for (Map.Entry<String, Double> e : syntheticSeconds.entrySet()) {
      sb.append(String.format(Locale.ROOT, "synthetic_%s,%.3f,,%n", e.getKey(), e.getValue()));
    }
    return sb.toString();
  }
}
