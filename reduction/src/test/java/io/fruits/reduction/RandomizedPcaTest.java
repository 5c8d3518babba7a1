package io.fruits.reduction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The randomized PCA against what is known independently: an operator with a spectrum chosen in
 * advance (eigenvectors on disjoint supports, so orthogonal by construction, not by the code under
 * test), and the exact eigendecomposition of {@link PcaEstimator} on data.
 */
class RandomizedPcaTest {

  /** G = U diag(s) U^T + c I, d x d, never formed; U's columns live on disjoint index sets. */
  private record KnownSpectrum(int d, double[] signal, double floor, double[][] u) implements GramProduct {
    static KnownSpectrum of(int d, double[] signal, double floor) {
      int r = signal.length;
      Random random = new Random(17);
      double[][] u = new double[r][d];
      for (int c = 0; c < r; c++) {
        double norm = 0;
        for (int i = c; i < d; i += r) {
          u[c][i] = random.nextGaussian();
          norm += u[c][i] * u[c][i];
        }
        for (int i = c; i < d; i += r) {
          u[c][i] /= Math.sqrt(norm);
        }
      }
      return new KnownSpectrum(d, signal, floor, u);
    }

    @Override
    public double[][] times(double[][] q) {
      int l = q[0].length;
      double[][] out = new double[d][l];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < l; j++) {
          out[i][j] = floor * q[i][j];
        }
      }
      for (int c = 0; c < signal.length; c++) {
        for (int j = 0; j < l; j++) {
          double dot = 0;
          for (int i = c; i < d; i += signal.length) {
            dot += u[c][i] * q[i][j];
          }
          for (int i = c; i < d; i += signal.length) {
            out[i][j] += signal[c] * dot * u[c][i];
          }
        }
      }
      return out;
    }

    /** Eigenvalues, largest first, of the correlation matrix this G is (n = 2: G itself). */
    double eigenvalue(int i) {
      return i < signal.length ? signal[i] + floor : floor;
    }

    /** Column moments of two vectors: mean 0, deviation 1 and non-constant in every feature, as G's trace says. */
    ColumnMoments moments() {
      ColumnMoments m = new ColumnMoments(d);
      float[] a = new float[d];
      Arrays.fill(a, 1 / (float) Math.sqrt(2));
      m.add(a);
      Arrays.fill(a, -1 / (float) Math.sqrt(2));
      m.add(a);
      return m;
    }
  }

  /** Trace d: the floor makes the eigenvalues sum to the number of features, as for standardised data. */
  private static KnownSpectrum spectrum(int d, int r, double top, double decay) {
    double[] s = new double[r];
    double sum = 0;
    for (int i = 0; i < r; i++) {
      s[i] = top * Math.pow(decay, i);
      sum += s[i];
    }
    return KnownSpectrum.of(d, s, (d - sum) / d);
  }

  @Test
  void recoversAKnownSpectrumAtTwentyThousandFeatures() throws Exception {
    KnownSpectrum g = spectrum(20_000, 40, 500, 0.75);
    RandomizedPca.Fit fit = new RandomizedPca(PcaEstimator.withK(10), 15, 2, 42, 256).fit(g.moments(), g);
    PcaModel m = fit.model();
    assertEquals(10, m.k());
    for (int i = 0; i < 10; i++) {
      double truth = g.eigenvalue(i);
      assertEquals(truth, m.eigenvalues()[i], 1e-6 * truth, "eigenvalue " + i);
      assertEquals(truth / 20_000, m.explainedVarianceRatio()[i], 1e-6 * truth / 20_000, "share " + i);
      double dot = 0;
      for (int j = 0; j < g.d(); j++) {
        dot += m.component(i)[j] * g.u()[i][j];
      }
      assertEquals(1, Math.abs(dot), 1e-6, "component " + i);
    }
    assertTrue(Double.isNaN(m.eigenvalues()[25]), "beyond l = k + p nothing is claimed");
    assertEquals("randomized: l=25, 2 power iteration(s), 4 passes", fit.note());
  }

  @Test
  void varianceRuleWithoutAllEigenvalues() throws Exception {
    // 2,000 features, 98% of the variance in 120 slowly decaying components: 0.95 needs a k that the
    // known spectrum gives, beyond the first sketch's 32, so the sketch must widen.
    KnownSpectrum g = spectrum(2000, 120, 35, 0.985);
    int exactK = 0;
    double sum = 0;
    while (sum < 0.95 - 1e-12) {
      sum += g.eigenvalue(exactK++) / g.d();
    }
    assertTrue(exactK > 32, "the test needs a widening: k=" + exactK);
    RandomizedPca.Fit fit = new RandomizedPca(PcaEstimator.withVariance(0.95), 15, 2, 42, 256).fit(g.moments(), g);
    assertEquals(exactK, fit.model().k(), fit.note());
    assertEquals("randomized: l=143, 2 power iteration(s), 12 passes", fit.note(), "three sketches: k = 32, 64, then 128");

    RandomizedPca.Fit capped = new RandomizedPca(PcaEstimator.withVariance(0.95), 15, 2, 42, 40).fit(g.moments(), g);
    assertEquals(40, capped.model().k());
    assertTrue(capped.note().endsWith("pca.variance=0.95 is not reached by 40 components (pca.max.k=40): raise pca.max.k or lower pca.variance"),
        capped.note());
  }

  /** Correlated data far from the origin, a constant feature, a spectrum that decays slowly. */
  private static float[][] data(int n, int d) {
    Random r = new Random(9);
    double[][] w = new double[8][d];
    for (double[] row : w) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextGaussian();
      }
    }
    float[][] x = new float[n][d];
    for (float[] row : x) {
      double[] z = new double[8];
      for (int c = 0; c < 8; c++) {
        z[c] = r.nextGaussian() * (8 - c);
      }
      for (int j = 0; j < d; j++) {
        double v = 50 + r.nextGaussian();
        for (int c = 0; c < 8; c++) {
          v += w[c][j] * z[c];
        }
        row[j] = j == 3 ? 2.5f : (float) Math.max(0, v);
      }
    }
    return x;
  }

  /** One pass in memory, the rows split among {@code parts} accumulators as among map tasks. */
  private static GramProduct inMemory(float[][] x, StandardScalerModel scaler, int parts) {
    return q -> {
      GramAccumulator total = new GramAccumulator(scaler, q);
      for (int p = 1; p < parts; p++) {
        GramAccumulator part = new GramAccumulator(scaler, q);
        for (int i = p; i < x.length; i += parts) {
          part.add(x[i]);
        }
        total.sums().merge(part.sums());
      }
      for (int i = 0; i < x.length; i += parts) {
        total.add(x[i]);
      }
      return GramAccumulator.matrix(total.sums(), scaler.dimension(), q[0].length);
    };
  }

  @Test
  void matchesTheExactMethodOnDataAndGivesTheSameBitsForAnySplit() throws Exception {
    float[][] x = data(1500, 60);
    CovarianceAccumulator exactStats = new CovarianceAccumulator(60);
    ColumnMoments columns = new ColumnMoments(60);
    for (float[] row : x) {
      exactStats.add(row);
      columns.add(row);
    }
    PcaModel exact = PcaEstimator.withK(6).fit(exactStats.moments());
    RandomizedPca pca = new RandomizedPca(PcaEstimator.withK(6), 15, 2, 42, 256);
    PcaModel one = pca.fit(columns, inMemory(x, columns.scaler(), 1)).model();
    PcaModel seven = pca.fit(columns, inMemory(x, columns.scaler(), 7)).model();

    assertArrayEquals(exact.scaler().mean(), one.scaler().mean(), 1e-9);
    assertArrayEquals(exact.scaler().std(), one.scaler().std(), 1e-9);
    for (int i = 0; i < 6; i++) {
      assertEquals(exact.eigenvalues()[i], one.eigenvalues()[i], 1e-6 * exact.eigenvalues()[i], "eigenvalue " + i);
      double dot = 0;
      for (int j = 0; j < 60; j++) {
        dot += exact.component(i)[j] * one.component(i)[j];
      }
      assertEquals(1, dot, 1e-6, "component " + i + ", same sign rule as the exact method");
      assertArrayEquals(one.component(i), seven.component(i), 0, "split layout changed component " + i);
    }
    assertArrayEquals(one.eigenvalues(), seven.eigenvalues(), 0);
  }
}
