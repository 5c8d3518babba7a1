package io.fruits.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import io.fruits.mapreduce.PipelineRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MapReduce edition's Parquet output ({@code -Doutput.formats=csv,parquet}), read back by an
 * independent reader, Spark's own Parquet data source: every value equals the CSV's, row for row,
 * across several part files.
 */
class ParquetOutputIT {
  @TempDir static Path tmp;

  @Test
  void everyParquetValueEqualsTheCsvs() throws Exception {
    Path input = tmp.resolve("in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Test"), input.resolve("Test"), 6, 5);
    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    conf.setLong("pack.target.bytes", 40_000); // several SequenceFiles, so several map tasks and part files
    Path out = tmp.resolve("run");
    PipelineRun run = PipelineRun.of(conf, "--input", input.toString(), "--output", out.toString(), "--model", "squeezenet1.1",
        "-D", "output.formats=csv,parquet", "-D", "pca.k=7");
    assertEquals(0, run.exitCode, run.stderr);

    SparkSession spark = SparkSession.builder().master("local[1]").appName("parquet-check").config("spark.ui.enabled", "false").getOrCreate();
    try {
      for (String[] kind : new String[][] {{"features", "features.csv"}, {"pca", "pca.csv"}}) {
        Path dir = out.resolve("export/parquet/" + kind[0]);
        try (var parts = Files.list(dir)) {
          assertTrue(parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).count() > 1, "several part files in " + dir);
        }
        List<Row> rows = spark.read().parquet(dir.toString()).collectAsList();
        assertEquals("id,label,vector", String.join(",", spark.read().parquet(dir.toString()).columns()));
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.getString(0), r));
        List<List<String>> csv = ImageTrees.rows(out.resolve(kind[1]));
        assertEquals(csv.size(), rows.size(), kind[0] + " rows");
        for (List<String> line : csv) {
          Row r = byId.get(line.get(0));
          assertEquals(line.get(1), r.getString(1), "label of " + line.get(0));
          List<Object> values = r.getList(2);
          assertEquals(line.size() - 2, values.size(), "width of " + line.get(0));
          for (int i = 0; i < values.size(); i++) {
            // Exact: the CSV holds the shortest text that reads back as the same float or double.
            Object expected = kind[0].equals("features") ? (Object) Float.parseFloat(line.get(i + 2)) : (Object) Double.parseDouble(line.get(i + 2));
            assertEquals(expected, values.get(i), kind[0] + " " + line.get(0) + " [" + i + "]");
          }
        }
      }
    } finally {
      spark.stop();
    }
  }
}
