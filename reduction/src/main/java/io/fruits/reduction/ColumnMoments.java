package io.fruits.reduction;

import java.math.BigInteger;

/**
 * Count, mean and standard deviation of each feature, in O(d) memory: what the randomized PCA needs
 * to standardise, where the exact one keeps a d x d co-moment matrix. The sums of x and x^2 are
 * {@link ExactSums}, so partial moments merge in any order to the same bits, and the variance
 * {@code (n sum x^2 - (sum x)^2) / (n (n - 1))} is formed in exact integer arithmetic: no
 * cancellation, however large the mean. Minimum and maximum (also order-free) tell a constant
 * feature for certain: its rounded sums alone could leave a tiny false variance.
 */
public final class ColumnMoments {
  private long count;
  private final ExactSums sums;
  private final float[] min;
  private final float[] max;

  public ColumnMoments(int dimension) {
    this(0, new ExactSums(2 * dimension), filled(dimension, Float.POSITIVE_INFINITY), filled(dimension, Float.NEGATIVE_INFINITY));
  }

  /** {@code sums} holds the d sums of x, then the d sums of x^2. */
  public ColumnMoments(long count, ExactSums sums, float[] min, float[] max) {
    if (sums.size() % 2 != 0 || sums.size() == 0 || min.length * 2 != sums.size() || max.length != min.length) {
      throw new IllegalArgumentException("column moments need 2 d sums and d minima and maxima, got " + sums.size() + ", "
          + min.length + " and " + max.length);
    }
    this.count = count;
    this.sums = sums;
    this.min = min;
    this.max = max;
  }

  private static float[] filled(int n, float value) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, value);
    return a;
  }

  public float[] min() {
    return min;
  }

  public float[] max() {
    return max;
  }

  public int dimension() {
    return sums.size() / 2;
  }

  public long count() {
    return count;
  }

  public ExactSums sums() {
    return sums;
  }

  public void add(float[] x) {
    int d = dimension();
    if (x.length != d) {
      throw new IllegalArgumentException("vector has " + x.length + " values, expected " + d);
    }
    for (int i = 0; i < d; i++) {
      double v = x[i];
      sums.add(i, v);
      sums.add(d + i, v * v); // exact: a float squared fits a double's 53 bits
      min[i] = Math.min(min[i], x[i]);
      max[i] = Math.max(max[i], x[i]);
    }
    count++;
  }

  public void merge(ColumnMoments other) {
    sums.merge(other.sums);
    count += other.count;
    for (int i = 0; i < min.length; i++) {
      min[i] = Math.min(min[i], other.min[i]);
      max[i] = Math.max(max[i], other.max[i]);
    }
  }

  public double[] mean() {
    double[] m = new double[dimension()];
    for (int i = 0; i < m.length; i++) {
      m[i] = count == 0 ? 0 : sums.value(i) / count;
    }
    return m;
  }

  /** Sample standard deviations (n - 1), 0 for a constant feature or fewer than two vectors. */
  public double[] std() {
    int d = dimension();
    double[] s = new double[d];
    if (count < 2) {
      return s;
    }
    BigInteger n = BigInteger.valueOf(count);
    for (int i = 0; i < d; i++) {
      if (min[i] == max[i]) {
        continue; // constant: 0, whatever the rounded sums say
      }
      // Sums are in units of 2^-32: n * Q * 2^32 - X^2 is n sum x^2 - (sum x)^2 in units of 2^-64.
      BigInteger x = sums.exact(i);
      BigInteger scatter = n.multiply(sums.exact(d + i)).shiftLeft(ExactSums.SCALE_BITS).subtract(x.multiply(x));
      double variance = Math.max(0, scatter.doubleValue()) / 0x1p64 / ((double) count * (count - 1));
      s[i] = Math.sqrt(variance);
    }
    return s;
  }

  /** Features with a non-zero deviation: the total variance of the standardised data. */
  public int nonConstant() {
    int c = 0;
    for (double s : std()) {
      if (s > 0) {
        c++;
      }
    }
    return c;
  }

  public StandardScalerModel scaler() {
    return new StandardScalerModel(mean(), std());
  }
}
