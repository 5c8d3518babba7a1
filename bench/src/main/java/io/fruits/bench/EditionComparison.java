package io.fruits.bench;

import io.fruits.core.ByteSizes;
import io.fruits.core.EditionStage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's findings: both editions stage by stage, the engine's own rate, and the goals,
 * each with what was measured and, when missed, by how much and where the time went. Rendered as
 * Markdown, CSV and an HTML page with a bar chart. Every ratio comes from this one run.
 */
record EditionComparison(
    String model,
    int images,
    int batch,
    int threads,
    double engineRate,
    Map<String, Double> mapReduce,
    Map<String, Long> mapReduceBytes,
    SparkEditionRun.Result spark,
    FeatureTimes featureTimes,
    int syntheticVectors,
    Map<String, Double> synthetic,
    ExportFormats formats,
    java.util.List<PcaMethodsBench.Case> pcaMethods) {

  /** Where the MapReduce feature stage spent its time, from its counters (ms summed over tasks). */
  record FeatureTimes(long decodeMillis, long waitMillis, long inferenceMillis) {}

  static final double FEATURE_GOAL = 0.95;
  static final double SYNTHETIC_GOAL_SECONDS = 60;
  static final double RATIO_GOAL = 1.10;

  double mrTotal() {
    return sum(mapReduce);
  }

  double sparkTotal() {
    return spark == null ? Double.NaN : sum(spark.seconds());
  }

  double mrFeatureRate() {
    return images / mapReduce.getOrDefault("features", Double.NaN);
  }

  double sparkFeatureRate() {
    return spark == null ? Double.NaN : images / spark.seconds().getOrDefault("features", Double.NaN);
  }

  String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "## MapReduce vs Spark: %s, %d images, batch %d, %d engine thread(s), %d cores%n%n",
        model, images, batch, threads, Runtime.getRuntime().availableProcessors()));
    sb.append("| stage | MapReduce s | Spark s | MapReduce / Spark | MapReduce bytes written | Spark bytes written |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    for (EditionStage row : EditionStage.ALL) {
      double mr = mapReduce.getOrDefault(row.mapReduce(), Double.NaN);
      double sp = spark == null ? Double.NaN : spark.seconds().getOrDefault(row.spark(), Double.NaN);
      sb.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %s | %s | %s |%n", row.row(), mr, num(sp), ratio(mr, sp),
          ByteSizes.human(mapReduceBytes.getOrDefault(row.mapReduce(), 0L)), spark == null ? "-" : ByteSizes.human(spark.bytes().getOrDefault(row.spark(), 0L))));
    }
    sb.append(String.format(Locale.ROOT, "| **total** | **%.2f** | **%s** | **%s** | %s | %s |%n%n", mrTotal(), num(sparkTotal()),
        ratio(mrTotal(), sparkTotal()), ByteSizes.human(mapReduceBytes.values().stream().mapToLong(Long::longValue).sum()),
        spark == null ? "-" : ByteSizes.human(spark.bytes().values().stream().mapToLong(Long::longValue).sum())));
    sb.append(String.format(Locale.ROOT, "- engine alone (pre-decoded tensors, same batch and threads): %.1f images/s%n", engineRate));
    sb.append(String.format(Locale.ROOT, "- MapReduce feature stage: %.1f images/s = %.1f%% of the engine alone "
            + "(decode %.2f ms/image on a helper thread, engine waited %.2f ms/image for it, inference %.2f ms/image)%n",
        mrFeatureRate(), 100 * mrFeatureRate() / engineRate, perImage(featureTimes.decodeMillis()),
        perImage(featureTimes.waitMillis()), perImage(featureTimes.inferenceMillis())));
    if (spark != null) {
      sb.append(String.format(Locale.ROOT, "- Spark feature stage: %.1f images/s = %.1f%% of the engine alone%n", sparkFeatureRate(),
          100 * sparkFeatureRate() / engineRate));
    } else {
      sb.append("- Spark edition not run: build it with `mvn -DskipTests install` (scripts/fruits bench does) and run through scripts/fruits\n");
    }
    sb.append(String.format(Locale.ROOT, "- MapReduce stats + PCA + projection on %,d x 512 synthetic vectors: %.2f s (stats %.2f, PCA %.2f, projection %.2f)%n",
        syntheticVectors, sum(synthetic), synthetic.get("stats"), synthetic.get("pca"), synthetic.get("projection")));
    sb.append(formats.markdownLine()).append('\n');
    sb.append(PcaMethodsBench.markdown(pcaMethods));
    sb.append("### Goals\n\n| goal | measured | verdict |\n|---|---:|---|\n");
    for (Map.Entry<String, String[]> g : goals().entrySet()) {
      sb.append("| ").append(g.getKey()).append(" | ").append(g.getValue()[0]).append(" | ").append(g.getValue()[1]).append(" |\n");
    }
    return sb.toString();
  }

  /** Goal, then what was measured and the verdict (with the shortfall and its cause when missed). */
  Map<String, String[]> goals() {
    Map<String, String[]> g = new LinkedHashMap<>();
    double share = mrFeatureRate() / engineRate;
    g.put("MapReduce feature stage >= 95% of the engine alone", new String[] {pct(share),
        share >= FEATURE_GOAL ? "met" : String.format(Locale.ROOT,
            "missed by %.1f points: decoding (%.2f ms/image) shares the %d cores with the engine's %d threads, and the engine waited %.2f ms/image for decoded batches",
            100 * (FEATURE_GOAL - share), perImage(featureTimes.decodeMillis()), Runtime.getRuntime().availableProcessors(), threads,
            perImage(featureTimes.waitMillis()))});
    double synth = sum(synthetic);
    g.put(String.format(Locale.ROOT, "stats + PCA + projection on %,d x 512 < 60 s", syntheticVectors),
        new String[] {String.format(Locale.ROOT, "%.1f s", synth), synth < SYNTHETIC_GOAL_SECONDS ? "met"
            : String.format(Locale.ROOT, "missed by %.1f s", synth - SYNTHETIC_GOAL_SECONDS)});
    if (spark != null) {
      double r = mrTotal() / sparkTotal();
      g.put("MapReduce total <= 1.10 x Spark total", new String[] {String.format(Locale.ROOT, "%.2f x", r),
          r <= RATIO_GOAL ? "met" : String.format(Locale.ROOT, "missed by %.2f x: MapReduce loses most in %s", r - RATIO_GOAL, worstStage())});
    }
    return g;
  }

  /** The two stages where MapReduce spends the most time beyond Spark's. */
  private String worstStage() {
    return EditionStage.ALL.stream()
        .map(row -> Map.entry(row.row(), mapReduce.getOrDefault(row.mapReduce(), 0.0) - spark.seconds().getOrDefault(row.spark(), 0.0)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(2)
        .map(e -> String.format(Locale.ROOT, "%s (+%.2f s)", e.getKey(), e.getValue()))
        .collect(java.util.stream.Collectors.joining(", then "));
  }

  String csv() {
    StringBuilder sb = new StringBuilder("stage,mapreduce_s,spark_s,mapreduce_over_spark,mapreduce_bytes,spark_bytes\n");
    for (EditionStage row : EditionStage.ALL) {
      double mr = mapReduce.getOrDefault(row.mapReduce(), Double.NaN);
      double sp = spark == null ? Double.NaN : spark.seconds().getOrDefault(row.spark(), Double.NaN);
      sb.append(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%d,%d%n", row.row(), mr, sp, mr / sp,
          mapReduceBytes.getOrDefault(row.mapReduce(), 0L), spark == null ? 0 : spark.bytes().getOrDefault(row.spark(), 0L)));
    }
    sb.append(String.format(Locale.ROOT, "total,%.3f,%.3f,%.3f,,%n", mrTotal(), sparkTotal(), mrTotal() / sparkTotal()));
    sb.append(String.format(Locale.ROOT, "engine_alone_images_per_s,%.2f,%.2f,,,%n", engineRate, engineRate));
    sb.append(String.format(Locale.ROOT, "feature_stage_images_per_s,%.2f,%.2f,,,%n", mrFeatureRate(), sparkFeatureRate()));
    for (Map.Entry<String, Double> e : synthetic.entrySet()) {
      sb.append(String.format(Locale.ROOT, "synthetic_%s,%.3f,,,,%n", e.getKey(), e.getValue()));
    }
    sb.append(formats.csvRows());
    sb.append(PcaMethodsBench.csvRows(pcaMethods));
    return sb.toString();
  }

  String html() {
    return ComparisonPage.render(this);
  }

  private double perImage(long millis) {
    return (double) millis / images;
  }

  private static double sum(Map<String, Double> m) {
    return m.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(b) || b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
