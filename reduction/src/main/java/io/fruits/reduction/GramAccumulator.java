package io.fruits.reduction;

/**
 * The share of a set of vectors in one {@link GramProduct} pass: {@code sum z (z^T Q)} over its
 * vectors, z standardised, as {@link ExactSums} (d x l, row-major), so shares from any number of
 * map tasks add up to the same bits. O(d l) memory and O(d l) work per vector.
 */
public final class GramAccumulator {
  private final StandardScalerModel scaler;
  private final double[] q;
  private final int d;
  private final int l;
  private final ExactSums sums;
  private final double[] z;
  private final double[] t;

  /** {@code basis} is d x l (rows: features). */
  public GramAccumulator(StandardScalerModel scaler, double[][] basis) {
    this.scaler = scaler;
    this.d = scaler.dimension();
    if (basis.length != d) {
      throw new IllegalArgumentException("basis has " + basis.length + " rows for " + d + "-d vectors");
    }
    this.l = basis[0].length;
    this.q = new double[d * l];
    for (int i = 0; i < d; i++) {
      System.arraycopy(basis[i], 0, q, i * l, l);
    }
    this.sums = new ExactSums(d * l);
    this.z = new double[d];
    this.t = new double[l];
  }

  public void add(float[] x) {
    scaler.transform(x, z);
    java.util.Arrays.fill(t, 0);
    for (int i = 0; i < d; i++) {
      double zi = z[i];
      if (zi != 0) {
        for (int j = 0; j < l; j++) {
          t[j] += zi * q[i * l + j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      double zi = z[i];
      if (zi != 0) {
        for (int j = 0; j < l; j++) {
          sums.add(i * l + j, zi * t[j]);
        }
      }
    }
  }

  public ExactSums sums() {
    return sums;
  }

  /** The summed shares as the d x l matrix G Q. */
  public static double[][] matrix(ExactSums sums, int d, int l) {
    if (sums.size() != d * l) {
      throw new IllegalArgumentException(sums.size() + " sums are not a " + d + " x " + l + " matrix");
    }
    double[][] m = new double[d][l];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < l; j++) {
        m[i][j] = sums.value(i * l + j);
      }
    }
    return m;
  }
}
