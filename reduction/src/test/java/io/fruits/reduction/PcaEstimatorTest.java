package io.fruits.reduction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The independent reference: a direct SVD of the standardised data matrix Z (n x d). Its right
 * singular vectors are the principal axes and s_i^2 / (n - 1) the variances along them.
 */
class PcaEstimatorTest {
  private static final int N = 400;
  private static final int D = 12;

  /** Correlated features with distinct variances, one constant column, far from the origin. */
  private static float[][] data() {
    Random r = new Random(7);
    float[][] x = new float[N][D];
    for (int i = 0; i < N; i++) {
      double a = r.nextGaussian();
      double b = r.nextGaussian();
      for (int j = 0; j < D; j++) {
        double v = j == 5 ? 3.0 : 100 + a * (j + 1) + b * (D - j) * 0.3 + r.nextGaussian() * 0.5 * (j % 3 + 1);
        x[i][j] = (float) v;
      }
    }
    return x;
  }

  private static Moments moments(float[][] x) {
    CovarianceAccumulator acc = new CovarianceAccumulator(D, 50);
    for (float[] row : x) {
      acc.add(row);
    }
    return acc.moments();
  }

  private static RealMatrix standardised(float[][] x) {
    double[][] z = new double[N][D];
    for (int j = 0; j < D; j++) {
      double mean = 0;
      for (float[] row : x) {
        mean += row[j];
      }
      mean /= N;
      double ss = 0;
      for (float[] row : x) {
        ss += (row[j] - mean) * (row[j] - mean);
      }
      double std = Math.sqrt(ss / (N - 1));
      for (int i = 0; i < N; i++) {
        z[i][j] = std == 0 ? 0 : (x[i][j] - mean) / std;
      }
    }
    return new Array2DRowRealMatrix(z, false);
  }

  @Test
  void componentsAndVarianceEqualDirectSvd() {
    float[][] x = data();
    PcaModel model = PcaEstimator.withK(D).fit(moments(x));
    SingularValueDecomposition svd = new SingularValueDecomposition(standardised(x));
    double[] s = svd.getSingularValues();
    double total = 0;
    for (double v : s) {
      total += v * v;
    }
    for (int c = 0; c < D - 1; c++) { // the last axis spans the constant column's null space
      assertEquals(s[c] * s[c] / (N - 1), model.eigenvalues()[c], 1e-6, "eigenvalue " + c);
      assertEquals(s[c] * s[c] / total, model.explainedVarianceRatio()[c], 1e-6, "ratio " + c);
      double[] expected = svd.getV().getColumn(c);
      double[] actual = model.component(c);
      double sign = Math.signum(dot(expected, actual));
      for (int i = 0; i < D; i++) {
        assertEquals(expected[i] * sign, actual[i], 1e-6, "component " + c + " entry " + i);
      }
    }
  }

  @Test
  void transformEqualsStandardisedDataTimesComponents() {
    float[][] x = data();
    PcaModel model = PcaEstimator.withK(3).fit(moments(x));
    RealMatrix z = standardised(x);
    for (int i = 0; i < N; i += 37) {
      double[] y = model.transform(x[i]);
      for (int c = 0; c < 3; c++) {
        assertEquals(dot(z.getRow(i), model.component(c)), y[c], 1e-4);
      }
    }
  }

  @Test
  void chooseKByExplainedVariance() {
    Moments m = moments(data());
    PcaModel all = PcaEstimator.withK(D).fit(m);
    double[] ratio = all.explainedVarianceRatio();
    PcaModel model = PcaEstimator.withVariance(0.9).fit(m);
    double kept = 0;
    for (int i = 0; i < model.k(); i++) {
      kept += ratio[i];
    }
    assertTrue(kept >= 0.9, "kept " + kept);
    assertTrue(kept - ratio[model.k() - 1] < 0.9, "one component fewer would also reach 0.9");
    // All the variance lies in the D - 1 non-constant features.
    assertEquals(D - 1, PcaEstimator.withVariance(1.0).fit(m).k());
  }

  @Test
  void signConventionMakesLargestEntryPositive() {
    PcaModel model = PcaEstimator.withK(4).fit(moments(data()));
    for (int c = 0; c < 4; c++) {
      double[] v = model.component(c);
      double largest = 0;
      for (double e : v) {
        if (Math.abs(e) > Math.abs(largest)) {
          largest = e;
        }
      }
      assertTrue(largest > 0);
    }
  }

  @Test
  void signIsThatOfTheLargestEntryTheFirstOnTies() {
    assertEquals(-1, PcaEstimator.sign(new double[] {0.5, -0.7, 0.6}));
    assertEquals(1, PcaEstimator.sign(new double[] {-0.1, 0.7, -0.6}));
    assertEquals(-1, PcaEstimator.sign(new double[] {-0.5, 0.5, 0.1}));
    assertEquals(1, PcaEstimator.sign(new double[] {0.5, -0.5, 0.1}));
  }

  @Test
  void saveAndLoadRoundTripBitForBit() throws Exception {
    PcaModel model = PcaEstimator.withVariance(0.95).fit(moments(data()));
    StringWriter text = new StringWriter();
    model.save(text);
    PcaModel back = PcaModel.load(new StringReader(text.toString()));
    assertEquals(model.k(), back.k());
    assertArrayEquals(model.eigenvalues(), back.eigenvalues());
    assertArrayEquals(model.scaler().std(), back.scaler().std());
    for (int c = 0; c < model.k(); c++) {
      assertArrayEquals(model.component(c), back.component(c));
    }
    StringWriter again = new StringWriter();
    back.save(again);
    assertEquals(text.toString(), again.toString());
  }

  @Test
  void invalidSettingsFailWithOneLine() {
    assertEquals("pca.variance must be in (0, 1], was 1.5",
        assertThrows(IllegalArgumentException.class, () -> PcaEstimator.withVariance(1.5)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> PcaEstimator.withVariance(0));
    assertThrows(IllegalArgumentException.class, () -> PcaEstimator.withK(0));
    Moments m = moments(data());
    assertEquals("pca.k=13 exceeds the model's feature dimension 12; choose k <= 12",
        assertThrows(IllegalArgumentException.class, () -> PcaEstimator.withK(13).fit(m)).getMessage());
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void fewerVectorsThanFeaturesStillGiveTheComponents() {
    // 60 ReLU-like vectors of 300 values: R has rank 59, and Commons Math's EigenDecomposition
    // fails to converge on it (asserted below), the case for which SymmetricEigen uses EJML.
    int d = 300;
    int n = 60;
    Random r = new Random(0);
    CovarianceAccumulator acc = new CovarianceAccumulator(d, 50);
    for (int i = 0; i < n; i++) {
      float[] x = new float[d];
      for (int j = 0; j < d; j++) {
        x[j] = (float) Math.max(0, r.nextGaussian());
      }
      acc.add(x);
    }
    Moments m = acc.moments();
    PcaModel model = PcaEstimator.withVariance(0.95).fit(m);
    double total = 0;
    for (double v : model.eigenvalues()) {
      total += v;
    }
    assertEquals(d, total, 1e-6, "the eigenvalues of a correlation matrix add up to its dimension");
    assertTrue(model.k() < n, "at most n - 1 components carry variance: " + model.k());
    // Each component is an eigenvector of R: R v = lambda v.
    double[][] rr = new double[d][d];
    double[] std = m.std();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        rr[i][j] = m.covariance(i, j) / (std[i] * std[j]);
      }
    }
    assertThrows(org.apache.commons.math3.exception.MaxCountExceededException.class,
        () -> new org.apache.commons.math3.linear.EigenDecomposition(new Array2DRowRealMatrix(rr)), "the case EJML is used for");
    for (int c = 0; c < 3; c++) {
      double[] v = model.component(c);
      for (int i = 0; i < d; i++) {
        double rv = 0;
        for (int j = 0; j < d; j++) {
          rv += rr[i][j] * v[j];
        }
        assertEquals(model.eigenvalues()[c] * v[i], rv, 1e-8);
      }
    }
  }
}
