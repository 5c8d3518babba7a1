package io.fruits.bench;

import io.fruits.core.ByteSizes;
import io.fruits.core.FruitsConfigKeys;
import io.fruits.core.RunLayout;
import io.fruits.mapreduce.ColumnMomentsJob;
import io.fruits.mapreduce.EngineThreads;
import io.fruits.mapreduce.JobRunner;
import io.fruits.mapreduce.MapReduceGram;
import io.fruits.mapreduce.StatsJob;
import io.fruits.reduction.PcaEstimator;
import io.fruits.reduction.PcaMethod;
import io.fruits.reduction.PcaModel;
import io.fruits.reduction.RandomizedPca;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Statistics + PCA by both methods on synthetic vectors: at d = 512 (max-pooled features) on the
 * same vectors as the synthetic stage bench, and at a flattened map's width, where the exact method
 * is refused before any work and the randomized one runs. Each case: wall time, peak heap
 * ({@link HeapPeak}), k = 32; the randomized method with the run's {@code pca.oversampling}, {@code pca.power.iterations}
 * and {@code pca.seed}.
 */
final class PcaMethodsBench {
  /**
   * k fixed at the synthetic vectors' latent dimension: 95% of their variance takes 288 of 512
   * components (ReLU and noise spread it), which the randomized method is not for; a fixed k
   * compares the two methods on the same work.
   */
  static final PcaEstimator RULE = PcaEstimator.withK(32);
  /** One measured case; {@code note} holds the refusal when the method could not run. */
  record Case(String method, int n, int d, double seconds, long peakHeapBytes, int k, String note) {}

  private final Configuration conf;
  private final PrintStream progress;

  PcaMethodsBench(Configuration conf, PrintStream progress) {
    this.conf = EngineThreads.withoutEngine(conf);
    this.progress = progress;
  }

  /** {@code narrow} holds n x 512 vectors already (the synthetic stage bench's); the wide set is written here. */
  List<Case> run(Path narrow, int n, Path wide, int wideN, int wideD) throws Exception {
    List<Case> cases = new ArrayList<>();
    RunLayout small = new RunLayout(new org.apache.hadoop.fs.Path(narrow.toUri()));
    cases.add(exact(small, n, 512));
    cases.add(randomized(small, n, 512));
    RunLayout big = new RunLayout(new org.apache.hadoop.fs.Path(wide.toUri()));
    FileSystem fs = big.root().getFileSystem(conf);
    fs.delete(big.root(), true);
    // Written first: at a --wide-dimension small enough for the exact method, that method reads them too.
    SyntheticVectorsBench.write(conf, big.features(), wideN, wideD);
    try {
      PcaMethod.EXACT.resolve(wideD);
      cases.add(exact(big, wideN, wideD));
    } catch (IllegalArgumentException refused) {
      cases.add(new Case("exact", wideN, wideD, Double.NaN, -1, 0, "refused before any work: " + refused.getMessage()));
    }
    cases.add(randomized(big, wideN, wideD));
    fs.delete(big.root(), true); // gigabytes of vectors: not worth keeping
    return cases;
  }

  private Case exact(RunLayout layout, int n, int d) throws Exception {
    org.apache.hadoop.fs.Path stats = new org.apache.hadoop.fs.Path(layout.root(), "stats-exact");
    JobRunner jobs = new JobRunner(progress, conf, new org.apache.hadoop.fs.Path(layout.root(), "reports-exact"));
    long start = System.nanoTime();
    HeapPeak.Measured<PcaModel> m = HeapPeak.of(() -> {
      jobs.run(StatsJob.create(conf, layout.features(), stats));
      return RULE.fit(StatsJob.read(conf, stats));
    });
    return measured("exact", n, d, start, m, "");
  }

  private Case randomized(RunLayout layout, int n, int d) throws Exception {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(layout.root(), "randomized");
    org.apache.hadoop.fs.Path stats = new org.apache.hadoop.fs.Path(root, "stats");
    JobRunner jobs = new JobRunner(progress, conf, new org.apache.hadoop.fs.Path(root, "reports"));
    RandomizedPca pca = new RandomizedPca(RULE, FruitsConfigKeys.PCA_OVERSAMPLING.getInt(conf), FruitsConfigKeys.PCA_POWER_ITERATIONS.getInt(conf),
        FruitsConfigKeys.PCA_SEED.getLong(conf), FruitsConfigKeys.PCA_MAX_K.getInt(conf));
    long start = System.nanoTime();
    String[] note = {""};
    HeapPeak.Measured<PcaModel> m = HeapPeak.of(() -> {
      jobs.run(ColumnMomentsJob.create(conf, layout.features(), stats));
      RandomizedPca.Fit fit = pca.fit(ColumnMomentsJob.read(conf, stats),
          new MapReduceGram(conf, jobs, layout.features(), stats, new org.apache.hadoop.fs.Path(root, "passes")));
      note[0] = fit.note();
      return fit.model();
    });
    return measured("randomized", n, d, start, m, note[0]);
  }

  private Case measured(String method, int n, int d, long start, HeapPeak.Measured<PcaModel> m, String note) {
    Case c = new Case(method, n, d, (System.nanoTime() - start) / 1e9, m.bytes(), m.value().k(), note);
    progress.printf(Locale.ROOT, "[bench] PCA %s, %,d x %,d: %.1f s, peak heap %s, k=%d %s%n", method, n, d, c.seconds(),
        ByteSizes.human(c.peakHeapBytes()), c.k(), note);
    return c;
  }

  /** The cases as a Markdown section. */
  static String markdown(List<Case> cases) {
    StringBuilder sb = new StringBuilder("### PCA: exact vs randomized (synthetic vectors, statistics + PCA, k = 32)\n\n"
        + "| d | n | method | s | peak heap | k | note |\n|---:|---:|---|---:|---:|---:|---|\n");
    for (Case c : cases) {
      sb.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %s | %s | %s |%n", c.d(), c.n(), c.method(),
          Double.isNaN(c.seconds()) ? "-" : String.format(Locale.ROOT, "%.1f", c.seconds()),
          c.peakHeapBytes() < 0 ? "-" : ByteSizes.human(c.peakHeapBytes()), c.k() == 0 ? "-" : Integer.toString(c.k()), c.note()));
    }
    return sb.append('\n').toString();
  }

  static String csvRows(List<Case> cases) {
    StringBuilder sb = new StringBuilder();
    for (Case c : cases) {
      sb.append(String.format(Locale.ROOT, "pca_%s_d%d_s,%.3f,,,%d,%n", c.method(), c.d(), c.seconds(), c.peakHeapBytes()));
    }
    return sb.toString();
  }
}
