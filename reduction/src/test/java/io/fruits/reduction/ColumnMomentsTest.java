package io.fruits.reduction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

/** Means and deviations against Commons Math, from parts merged in any order. */
class ColumnMomentsTest {
  @Test
  void meanAndStdMatchCommonsMathFromAnyPartition() {
    Random r = new Random(5);
    int n = 3000;
    int d = 4;
    float[][] x = new float[n][d];
    for (float[] row : x) {
      row[0] = (float) (1e4 + r.nextGaussian() * 1e-2); // large mean, tiny spread: cancellation-prone
      row[1] = (float) Math.max(0, r.nextGaussian() * 3); // ReLU-like
      row[2] = 0.1f; // constant, not a multiple of 2^-32
      row[3] = (float) (r.nextGaussian() * 50 - 20);
    }
    ColumnMoments all = new ColumnMoments(d);
    ColumnMoments a = new ColumnMoments(d);
    ColumnMoments b = new ColumnMoments(d);
    for (int i = 0; i < n; i++) {
      all.add(x[i]);
      (i % 3 == 0 ? a : b).add(x[i]);
    }
    b.merge(a);
    assertEquals(n, b.count());
    assertArrayEquals(all.mean(), b.mean(), 0);
    assertArrayEquals(all.std(), b.std(), 0);
    for (int j = 0; j < d; j++) {
      double[] column = new double[n];
      for (int i = 0; i < n; i++) {
        column[i] = x[i][j];
      }
      double mean = new Mean().evaluate(column);
      double std = new StandardDeviation().evaluate(column);
      assertEquals(mean, all.mean()[j], 1e-9 * Math.max(1, Math.abs(mean)), "mean " + j);
      assertEquals(std, all.std()[j], j == 2 ? 0 : 1e-6 * std, "std " + j);
    }
    assertEquals(3, all.nonConstant());
  }
}
