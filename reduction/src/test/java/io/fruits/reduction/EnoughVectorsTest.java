package io.fruits.reduction;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EnoughVectorsTest {
  @Test
  void vectorsOfWhichOneValueVariesPass() {
    assertDoesNotThrow(() -> EnoughVectors.requireVariation(3, new double[] {0, 0, 1e-9, 0}));
  }

  @Test
  void vectorsThatAreAllTheSameAreOneLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnoughVectors.requireVariation(3, new double[] {0, 0, 0}));
    assertEquals("the input's 3 vectors are all the same (no value varies: one image under every name?);"
        + " a PCA needs images that differ: give --input a folder of different images", e.getMessage());
  }

  /**
   * The check asks for deviations of exactly zero, so copies must give exactly zero: a block's sum
   * of float values is exact in doubles and its mean then exactly the value, and merged tasks'
   * means differ by exactly nothing (map tasks of 1000 and 333 rows here, blocks of 256).
   */
  @Test
  void copiesOfOneVectorHaveNoDeviationInEitherAccumulator() {
    float[] v = {0.1f, 3.7f, 1e-7f, 12345.678f};
    CovarianceAccumulator task1 = new CovarianceAccumulator(v.length);
    CovarianceAccumulator task2 = new CovarianceAccumulator(v.length);
    ColumnMoments exact = new ColumnMoments(v.length);
    for (int i = 0; i < 1333; i++) {
      (i < 1000 ? task1 : task2).add(v);
      exact.add(v);
    }
    Moments merged = task1.moments().merge(task2.moments());
    assertEquals(1333, merged.count());
    assertThrows(IllegalArgumentException.class, () -> EnoughVectors.requireVariation(1333, merged.std()));
    assertThrows(IllegalArgumentException.class, () -> EnoughVectors.requireVariation(1333, exact.std()));
  }
}
