package io.fruits.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark report's arithmetic and verdicts, on made-up timings. */
class EditionComparisonTest {
  private static Map<String, Double> seconds(double... s) {
    String[] names = {"pack", "features", "stats", "pca", "projection", "merge"};
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < s.length; i++) {
      m.put(names[i], s[i]);
    }
    return m;
  }

  private static SparkEditionRun.Result spark(double... s) {
    String[] names = {"read", "features", "stats", "pca", "projection", "write"};
    Map<String, Double> m = new LinkedHashMap<>();
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (int i = 0; i < s.length; i++) {
      m.put(names[i], s[i]);
      bytes.put(names[i], 1024L * (i + 1));
    }
    return new SparkEditionRun.Result(m, bytes);
  }

  private static EditionComparison report(Map<String, Double> mr, SparkEditionRun.Result spark, double engineRate) {
    return new EditionComparison("squeezenet1.1", 1000, 32, 2, engineRate, mr, Map.of("pack", 2048L), spark,
        new EditionComparison.FeatureTimes(700, 300, 2500), 94_000, Map.of("stats", 4.0, "pca", 0.5, "projection", 15.0),
        new ExportFormats(6.0, 10.5, 300L << 20, 120L << 20),
        java.util.List.of(new PcaMethodsBench.Case("exact", 94_000, 512, 9.5, 200L << 20, 40, ""),
            new PcaMethodsBench.Case("exact", 5000, 25_088, Double.NaN, -1, 0, "refused before any work: too wide")));
  }

  @Test
  void ratiosAndMetGoals() {
    // 1000 images in 2.5 s = 400/s = 97.6% of 410/s; totals 10 vs 9.5 = 1.05x.
    EditionComparison c = report(seconds(1, 2.5, 2, 1, 2, 1.5), spark(1.5, 2.5, 2, 1, 1.5, 1), 410);
    assertEquals(10.0, c.mrTotal(), 1e-12);
    assertEquals(9.5, c.sparkTotal(), 1e-12);
    Map<String, String[]> goals = c.goals();
    assertEquals("97.6%", goals.get("MapReduce feature stage >= 95% of the engine alone")[0]);
    assertEquals("met", goals.get("MapReduce feature stage >= 95% of the engine alone")[1]);
    assertEquals("19.5 s", goals.get("stats + PCA + projection on 94,000 x 512 < 60 s")[0]);
    assertEquals("1.05 x", goals.get("MapReduce total <= 1.10 x Spark total")[0]);
    assertEquals("met", goals.get("MapReduce total <= 1.10 x Spark total")[1]);
    assertTrue(c.markdown().contains("| features | 2.50 | 2.50 | 1.00 | 0.0 KB | 2.0 KB |"), c.markdown());
    assertTrue(c.csv().contains("total,10.000,9.500,1.053,,"), c.csv());
    assertTrue(c.markdown().contains("CSV part files 300.0 MB, Parquet 120.0 MB (40% of CSV); projection job writing CSV alone 6.00 s, "
        + "CSV and Parquet 10.50 s (Parquet adds 4.50 s)"), c.markdown());
    assertTrue(c.csv().contains("export_csv_and_parquet_s,10.500,,,125829120,"), c.csv());
    assertTrue(c.markdown().contains("| 512 | 94,000 | exact | 9.5 | 200.0 MB | 40 |  |\n| 25,088 | 5,000 | exact | - | - | - | refused before any work: too wide |"),
        c.markdown());
  }

  @Test
  void missedGoalsSayByHowMuchAndWhere() {
    // 1000 images in 4 s = 250/s = 62.5% of 400/s; totals 14 vs 10 = 1.40x, lost in features and stats.
    EditionComparison c = report(seconds(1, 4, 4, 1, 2, 2), spark(1, 2.5, 1.5, 1, 2, 2), 400);
    assertEquals("missed by 32.5 points: decoding (0.70 ms/image) shares the " + Runtime.getRuntime().availableProcessors()
        + " cores with the engine's 2 threads, and the engine waited 0.30 ms/image for decoded batches",
        c.goals().get("MapReduce feature stage >= 95% of the engine alone")[1]);
    assertEquals("missed by 0.30 x: MapReduce loses most in stats (+2.50 s), then features (+1.50 s)",
        c.goals().get("MapReduce total <= 1.10 x Spark total")[1]);
  }

  @Test
  void withoutSparkTheReportSaysSo() {
    EditionComparison c = report(seconds(1, 2, 2, 1, 2, 1), null, 400);
    assertTrue(c.markdown().contains("Spark edition not run"), c.markdown());
    assertEquals(2, c.goals().size());
    assertTrue(c.html().contains("<svg"), "bar chart");
  }
}
