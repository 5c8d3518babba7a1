package io.fruits.bench;

import io.fruits.core.CsvMerger;
import io.fruits.core.FruitsConfigKeys;
import io.fruits.core.RunLayout;
import io.fruits.mapreduce.EngineThreads;
import io.fruits.mapreduce.FeatureVectorWritable;
import io.fruits.mapreduce.JobRunner;
import io.fruits.mapreduce.ProjectionJob;
import io.fruits.mapreduce.StatsJob;
import io.fruits.reduction.PcaModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;

/**
 * Stats, PCA and projection on synthetic vectors of CNN size: {@code x = W z + noise} with a
 * 32-dimensional latent z, non-negative like ReLU features, written as a features SequenceFile.
 */
final class SyntheticVectorsBench {
  private final Configuration conf;
  private final PrintStream progress;

  SyntheticVectorsBench(Configuration conf, PrintStream progress) {
    this.conf = conf;
    this.progress = progress;
  }

  /** Stage seconds of the default (CSV) run, then the cost of Parquet beside it. */
  record Result(Map<String, Double> seconds, ExportFormats formats) {}

  Result run(Path dir, int n, int d) throws Exception {
    RunLayout layout = new RunLayout(new org.apache.hadoop.fs.Path(dir.toUri()));
    FileSystem fs = layout.root().getFileSystem(conf);
    fs.delete(layout.root(), true);
    write(conf, layout.features(), n, d);
    JobRunner jobs = new JobRunner(progress, conf, layout.reports());
    Map<String, Double> seconds = new LinkedHashMap<>();

    long start = System.nanoTime();
    jobs.run(StatsJob.create(EngineThreads.withoutEngine(conf), layout.features(), layout.stats()));
    seconds.put("stats", since(start));

    start = System.nanoTime();
    PcaModel model = BenchTool.defaultEstimator().fit(StatsJob.read(conf, layout.stats()));
    try (var w = new java.io.OutputStreamWriter(fs.create(layout.pcaModel()), java.nio.charset.StandardCharsets.UTF_8)) {
      model.save(w);
    }
    seconds.put("pca", since(start));

    start = System.nanoTime();
    jobs.run(ProjectionJob.create(EngineThreads.withoutEngine(conf), layout.features(), layout.pcaModel(), layout.export()));
    double csvJob = since(start);
    CsvMerger merger = new CsvMerger(conf);
    merger.merge(layout.pcaParts(), CsvMerger.header("pc", model.k()), layout.pcaCsv());
    merger.merge(layout.featureParts(), CsvMerger.header("f", d), layout.featuresCsv());
    seconds.put("projection", since(start));
    progress.printf(Locale.ROOT, "[bench] synthetic %d x %d: %s, k=%d%n", n, d, seconds, model.k());
    return new Result(seconds, withParquet(jobs, layout, csvJob));
  }

  /** The same projection again, into a folder of its own, writing CSV and Parquet part files. */
  private ExportFormats withParquet(JobRunner jobs, RunLayout layout, double csvJob) throws Exception {
    Configuration both = EngineThreads.withoutEngine(conf);
    both.set(FruitsConfigKeys.OUTPUT_FORMATS.key(), "csv,parquet");
    org.apache.hadoop.fs.Path export = new org.apache.hadoop.fs.Path(layout.root(), "export-csv-and-parquet");
    long start = System.nanoTime();
    jobs.run(ProjectionJob.create(both, layout.features(), layout.pcaModel(), export));
    double seconds = since(start);
    FileSystem fs = export.getFileSystem(conf);
    ExportFormats formats = new ExportFormats(csvJob, seconds, fs.getContentSummary(new org.apache.hadoop.fs.Path(export, "csv")).getLength(),
        fs.getContentSummary(new org.apache.hadoop.fs.Path(export, "parquet")).getLength());
    progress.printf(Locale.ROOT, "[bench] %s", formats.markdownLine().substring(2));
    return formats;
  }

  /** n vectors of d values into {@code features} as the feature job writes them, with its _SUCCESS. */
  static void write(Configuration conf, org.apache.hadoop.fs.Path features, int n, int d) throws IOException {
    Random r = new Random(42);
    int latent = 32;
    float[][] w = new float[d][latent];
    for (float[] row : w) {
      for (int j = 0; j < latent; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(features, "part-m-00000");
    try (SequenceFile.Writer out = SequenceFile.createWriter(conf, SequenceFile.Writer.file(file),
        SequenceFile.Writer.keyClass(Text.class), SequenceFile.Writer.valueClass(FeatureVectorWritable.class))) {
      Text id = new Text();
      FeatureVectorWritable value = new FeatureVectorWritable();
      float[] z = new float[latent];
      float[] x = new float[d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < latent; j++) {
          z[j] = (float) r.nextGaussian();
        }
        for (int k = 0; k < d; k++) {
          float v = 0;
          for (int j = 0; j < latent; j++) {
            v += w[k][j] * z[j];
          }
          x[k] = Math.max(0, v + (float) r.nextGaussian());
        }
        id.set(String.format("synthetic/%07d.jpg", i)); // in id order, as the feature job writes them
        value.set("c" + (i % 141), x);
        out.append(id, value);
      }
    }
    features.getFileSystem(conf).create(new org.apache.hadoop.fs.Path(features, RunLayout.SUCCESS)).close();
  }

  private static double since(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
