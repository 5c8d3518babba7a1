package io.fruits.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.lapack.LAPACK;
import io.fruits.reduction.PcaEstimator;
import io.fruits.reduction.PcaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netlib.util.intW;

/**
 * The Spark edition's PCA on fewer vectors than features, where Spark ML's own PCA can fail: 40
 * vectors of 512 values (8 hidden factors, clipped at 0 like a CNN's activations). Each component
 * must be an eigenvector of the correlation matrix this test computes itself, with its eigenvalue,
 * and all eigenvalues must add up to its trace. The matrix this test computes is one that Spark's
 * {@code dgesdd} decomposes wrongly; the one Spark computes from the same vectors differs from it in
 * rounding and happens to be decomposed right (whether it fails hangs on such bits: with the 40
 * SqueezeNet vectors that found the bug, about half of the runs failed), so the real vectors are
 * {@code SparkOnYarnIT}'s and {@code SparkEditionIT}'s, compared with the MapReduce edition.
 */
class SparkPcaTest {
  private static final int N = 40;
  private static final int D = 512;
  private static SparkSession spark;
  private static double[][] data;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[1]").appName("spark-pca-test").config("spark.ui.enabled", "false").getOrCreate();
    data = activations(new Random(5));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The reason for {@link SparkPca}: the dgesdd that Spark ML's PCA calls (through breeze) gets this very matrix wrong. */
  @Test
  void sparksSvdGetsTheCorrelationMatrixWrong() {
    // A machine with a native LAPACK (netlib finds one at run time) takes another path.
    Assumptions.assumeTrue(LAPACK.getInstance().getClass().getSimpleName().equals("F2jLAPACK"), "SKIPPED: LAPACK here is "
        + LAPACK.getInstance().getClass().getSimpleName() + ", not the Java translation");
    double[] r = columnMajor(correlation(data));
    double[] s = new double[D];
    double[] u = new double[D * D];
    double[] vt = new double[D * D];
    // breeze's own workspace size, not LAPACK's query: the path Spark takes
    double[] work = new double[(int) (3L * D * D + Math.max(D, 4L * D * D + 4L * D))];
    intW info = new intW(0);
    LAPACK.getInstance().dgesdd("A", D, D, r, D, s, u, D, vt, D, work, work.length, new int[8 * D], info);
    assertEquals(0, info.val);
    double sum = java.util.Arrays.stream(s).sum();
    assertTrue(sum > 1.5 * trace(correlation(data)), "singular values summing to " + sum + ": fixed in this Spark? SparkPca may use Spark ML's PCA again");
  }

  @Test
  void everyComponentIsAnEigenvectorOfTheCorrelationMatrix() {
    Dataset<Row> vectors = spark.createDataFrame(rows(data), new StructType().add(SparkPca.FEATURES, SQLDataTypes.VectorType(), false));
    StandardScalerModel scaler = SparkPca.fitScaler(vectors);
    PcaModel model = new SparkPca(PcaEstimator.withK(6)).fit(scaler, scaler.transform(vectors));

    double[][] r = correlation(data);
    double trace = trace(r);
    double[] eigenvalues = model.eigenvalues();
    assertEquals(trace, java.util.Arrays.stream(eigenvalues).sum(), 1e-9 * trace);
    for (int c = 0; c < model.k(); c++) {
      double[] v = model.component(c);
      double[] rv = times(r, v);
      assertEquals(1, dot(v, v), 1e-12);
      for (int i = 0; i < D; i++) {
        assertEquals(eigenvalues[c] * v[i], rv[i], 1e-9 * eigenvalues[0], "component " + (c + 1) + ", feature " + i);
      }
      assertEquals(eigenvalues[c] / trace, model.explainedVarianceRatio()[c], 1e-12);
      if (c > 0) {
        assertTrue(eigenvalues[c] <= eigenvalues[c - 1]);
      }
    }
  }

  /** Rows of latent factors times fixed loadings plus noise, clipped at 0; some features stay 0 throughout. */
  private static double[][] activations(Random random) {
    int factors = 8;
    double[][] loadings = new double[factors][D];
    for (double[] l : loadings) {
      for (int i = 0; i < D; i++) {
        l[i] = random.nextGaussian();
      }
    }
    double[][] x = new double[N][D];
    for (double[] row : x) {
      for (int f = 0; f < factors; f++) {
        double w = random.nextGaussian() * (factors - f);
        for (int i = 0; i < D; i++) {
          row[i] += w * loadings[f][i];
        }
      }
      for (int i = 0; i < D; i++) {
        row[i] = Math.max(0, row[i] + random.nextGaussian());
      }
    }
    return x;
  }

  /** The covariance of the standardised columns (n - 1), 0 for a constant column: the reference. */
  private static double[][] correlation(double[][] x) {
    double[] mean = new double[D];
    double[] sd = new double[D];
    for (double[] row : x) {
      for (int i = 0; i < D; i++) {
        mean[i] += row[i] / N;
      }
    }
    for (double[] row : x) {
      for (int i = 0; i < D; i++) {
        sd[i] += (row[i] - mean[i]) * (row[i] - mean[i]) / (N - 1);
      }
    }
    double[][] z = new double[N][D];
    for (int n = 0; n < N; n++) {
      for (int i = 0; i < D; i++) {
        z[n][i] = sd[i] > 0 ? (x[n][i] - mean[i]) / Math.sqrt(sd[i]) : 0;
      }
    }
    double[][] r = new double[D][D];
    for (double[] row : z) {
      for (int i = 0; i < D; i++) {
        for (int j = 0; j < D; j++) {
          r[i][j] += row[i] * row[j] / (N - 1);
        }
      }
    }
    return r;
  }

  private static List<Row> rows(double[][] x) {
    List<Row> rows = new ArrayList<>();
    for (double[] row : x) {
      rows.add(RowFactory.create(Vectors.dense(row)));
    }
    return rows;
  }

  private static double[] columnMajor(double[][] m) {
    double[] a = new double[D * D];
    for (int i = 0; i < D; i++) {
      for (int j = 0; j < D; j++) {
        a[i + j * D] = m[i][j];
      }
    }
    return a;
  }

  private static double trace(double[][] m) {
    double t = 0;
    for (int i = 0; i < D; i++) {
      t += m[i][i];
    }
    return t;
  }

  private static double[] times(double[][] m, double[] v) {
    double[] out = new double[D];
    for (int i = 0; i < D; i++) {
      out[i] = dot(m[i], v);
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
