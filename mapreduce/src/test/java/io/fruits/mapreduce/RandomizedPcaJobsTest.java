package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.ImageId;
import io.fruits.reduction.ColumnMoments;
import io.fruits.reduction.CovarianceAccumulator;
import io.fruits.reduction.GramAccumulator;
import io.fruits.reduction.PcaEstimator;
import io.fruits.reduction.PcaModel;
import io.fruits.reduction.RandomizedPca;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.Random;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The randomized PCA's MapReduce passes in the local job runner: the same bytes for any split
 * layout, the same bits as a sequential computation in one accumulator, and the exact method's
 * eigenpairs on data with a clear spectrum.
 */
class RandomizedPcaJobsTest {
  private static final int N = 700;
  private static final int D = 40;

  @TempDir java.nio.file.Path tmp;

  private static TreeMap<String, float[]> vectors() {
    TreeMap<String, float[]> all = new TreeMap<>(ImageId.BYTE_ORDER);
    Random r = new Random(8);
    double[][] w = new double[5][D];
    for (double[] row : w) {
      for (int j = 0; j < D; j++) {
        row[j] = r.nextGaussian();
      }
    }
    for (int i = 0; i < N; i++) {
      float[] v = new float[D];
      double[] z = new double[5];
      for (int c = 0; c < 5; c++) {
        z[c] = r.nextGaussian() * (6 - c);
      }
      for (int j = 0; j < D; j++) {
        double x = 30 + 0.3 * r.nextGaussian();
        for (int c = 0; c < 5; c++) {
          x += w[c][j] * z[c];
        }
        v[j] = j == 7 ? 0 : (float) Math.max(0, x); // a dead channel, and ReLU
      }
      all.put(String.format("class%d/img%04d.jpg", i % 7, i), v);
    }
    return all;
  }

  private String fitOnMapReduce(Path features, String name) throws Exception {
    Configuration conf = new Configuration();
    conf.setInt("mapreduce.local.map.tasks.maximum", 2);
    conf.setInt("mapreduce.client.completion.pollinterval", 50);
    Path root = new Path(tmp.resolve(name).toUri());
    JobRunner jobs = new JobRunner(new PrintStream(PrintStream.nullOutputStream()), conf, new Path(root, "reports"));
    Path stats = new Path(root, "stats");
    jobs.run(ColumnMomentsJob.create(conf, features, stats));
    ColumnMoments moments = ColumnMomentsJob.read(conf, stats);
    assertEquals(N, moments.count());
    PcaModel model = pca().fit(moments, new MapReduceGram(conf, jobs, features, stats, new Path(root, "passes"))).model();
    StringWriter text = new StringWriter();
    model.save(text);
    return text.toString();
  }

  private static RandomizedPca pca() {
    return new RandomizedPca(PcaEstimator.withK(4), 10, 1, 7, 256);
  }

  @Test
  void sameBytesForAnySplitLayoutAndAsOneSequentialAccumulator() throws Exception {
    TreeMap<String, float[]> all = vectors();
    String one = fitOnMapReduce(VectorFiles.write(new Path(tmp.resolve("f1").toUri()), all, 1), "run1");
    for (int files : new int[] {4, 23}) {
      assertEquals(one, fitOnMapReduce(VectorFiles.write(new Path(tmp.resolve("f" + files).toUri()), all, files), "run" + files),
          files + " part files");
    }

    ColumnMoments moments = new ColumnMoments(D);
    all.values().forEach(moments::add);
    PcaModel sequential = pca().fit(moments, q -> {
      GramAccumulator g = new GramAccumulator(moments.scaler(), q);
      all.values().forEach(g::add);
      return GramAccumulator.matrix(g.sums(), D, q[0].length);
    }).model();
    StringWriter text = new StringWriter();
    sequential.save(text);
    assertEquals(text.toString(), one, "the jobs compute what one accumulator does, bit for bit");

    CovarianceAccumulator exactStats = new CovarianceAccumulator(D);
    all.values().forEach(exactStats::add);
    PcaModel exact = PcaEstimator.withK(4).fit(exactStats.moments());
    for (int i = 0; i < 4; i++) {
      assertEquals(exact.eigenvalues()[i], sequential.eigenvalues()[i], 1e-6 * exact.eigenvalues()[i], "eigenvalue " + i);
      assertArrayEquals(exact.component(i), sequential.component(i), 1e-5, "component " + i);
    }
    assertTrue(one.contains("\nstd\t"), one);
  }
}
