package io.fruits.reduction;

/**
 * A covariance of fewer than two vectors is undefined (its divisor is n - 1). An input that gives
 * one is the user's to fix, not a failure of the run, so both editions say so in one line (exit
 * code 2) before their PCA, where before the MapReduce edition ended with a stack trace and the
 * Spark edition with Spark's "RowMatrix.computeCovariance called on matrix with only 1 rows".
 * Vectors of which no value varies (one image under every name) have no principal component
 * either: the editions wrote 512 columns of zeros, "explaining 0.0000" (MapReduce) or "NaN"
 * (Spark) of the variance; they are refused the same way.
 */
public final class EnoughVectors {
  private EnoughVectors() {}

  public static void require(long vectors) {
    if (vectors < 2) {
      throw refusal(vectors);
    }
  }

  /** Refuses {@code vectors} whose standard deviations {@code std} are all zero. */
  public static void requireVariation(long vectors, double[] std) {
    for (double s : std) {
      if (s > 0) {
        return;
      }
    }
    throw new IllegalArgumentException("the input's " + vectors + " vectors are all the same (no value varies: one image under every name?);"
        + " a PCA needs images that differ: give --input a folder of different images");
  }

  /** The one line for an input that gave {@code vectors}, fewer than 2. */
  public static IllegalArgumentException refusal(long vectors) {
    return new IllegalArgumentException("the input gave " + vectors + (vectors == 1 ? " vector" : " vectors")
        + " (its other files, if any, were rejected); statistics and a PCA need at least 2: give --input a folder of at least 2 images that decode");
  }
}
