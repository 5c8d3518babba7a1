package io.fruits.reduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

class CovarianceAccumulatorTest {
  /** Rows far from the origin: the naive sum-of-products formula loses most digits here. */
  private static double[][] data(int n, int d, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = 1e6 + (j + 1) * r.nextGaussian() + (j > 0 ? 0.5 * x[i][j - 1] : 0);
      }
    }
    return x;
  }

  @Test
  void matchesCommonsMathCovarianceAcrossBlocks() {
    double[][] x = data(1000, 7, 1);
    CovarianceAccumulator acc = new CovarianceAccumulator(7, 64);
    for (double[] row : x) {
      acc.add(row);
    }
    Moments m = acc.moments();
    double[][] expected = new Covariance(x).getCovarianceMatrix().getData();
    assertEquals(1000, m.count());
    for (int i = 0; i < 7; i++) {
      double mean = 0;
      for (double[] row : x) {
        mean += row[i];
      }
      assertEquals(mean / 1000, m.mean()[i], 1e-6);
      for (int j = 0; j < 7; j++) {
        assertEquals(expected[i][j], m.covariance(i, j), 1e-9 * Math.max(1, Math.abs(expected[i][j])), i + "," + j);
      }
    }
  }

  @Test
  void mergingPartsEqualsOnePass() {
    double[][] x = data(500, 5, 2);
    CovarianceAccumulator whole = new CovarianceAccumulator(5, 32);
    CovarianceAccumulator a = new CovarianceAccumulator(5, 32);
    CovarianceAccumulator b = new CovarianceAccumulator(5, 32);
    for (int i = 0; i < x.length; i++) {
      whole.add(x[i]);
      (i < 123 ? a : b).add(x[i]);
    }
    Moments merged = a.moments().merge(b.moments());
    Moments one = whole.moments();
    assertEquals(one.count(), merged.count());
    for (int i = 0; i < 5; i++) {
      assertEquals(one.mean()[i], merged.mean()[i], 1e-7);
      for (int j = 0; j < 5; j++) {
        assertEquals(one.covariance(i, j), merged.covariance(i, j), 1e-8 * Math.max(1, Math.abs(one.covariance(i, j))));
      }
    }
  }

  @Test
  void floatInputAndStd() {
    CovarianceAccumulator acc = new CovarianceAccumulator(2);
    acc.add(new float[] {1, 10});
    acc.add(new float[] {3, 10});
    Moments m = acc.moments();
    assertEquals(Math.sqrt(2), m.std()[0], 1e-12);
    assertEquals(0, m.std()[1], 0);
  }

  @Test
  void rejectsVectorsOfAnotherLength() {
    CovarianceAccumulator acc = new CovarianceAccumulator(3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> acc.add(new float[] {1, 2}));
    assertEquals("vector has 2 values, expected 3; all vectors must come from one model", e.getMessage());
  }

  @Test
  void covarianceNeedsTwoVectors() {
    CovarianceAccumulator acc = new CovarianceAccumulator(1);
    acc.add(new float[] {1});
    assertThrows(IllegalStateException.class, () -> acc.moments().std());
  }
}
