package io.fruits.reduction;

import java.util.Arrays;

/**
 * Count, mean and co-moment matrix {@code M2 = sum (x - mean)(x - mean)^T} of a set of
 * d-dimensional vectors. Two sets merge exactly with the pairwise rule of Chan, Golub and LeVeque
 * (1979), so partial moments from many map tasks combine without the cancellation of the naive
 * {@code sum x x^T - n mean mean^T}.
 */
public final class Moments {
  private final int dimension;
  private long count;
  private final double[] mean;
  private final double[] m2;

  public Moments(int dimension) {
    this(dimension, 0, new double[dimension], new double[dimension * dimension]);
  }

  /** Wraps existing arrays (row-major d x d for {@code m2}); used by deserialisation. */
  public Moments(int dimension, long count, double[] mean, double[] m2) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be positive, was " + dimension);
    }
    if (mean.length != dimension || m2.length != dimension * dimension) {
      throw new IllegalArgumentException("mean and m2 must have " + dimension + " and " + dimension * dimension + " values");
    }
    this.dimension = dimension;
    this.count = count;
    this.mean = mean;
    this.m2 = m2;
  }

  public int dimension() {
    return dimension;
  }

  public long count() {
    return count;
  }

  /** The mean; the array is live, do not modify. */
  public double[] mean() {
    return mean;
  }

  /** The co-moment matrix, row-major d x d; the array is live, do not modify. */
  public double[] m2() {
    return m2;
  }

  /** Adds another set's moments to this one (Chan et al.). */
  public Moments merge(Moments other) {
    if (other.dimension != dimension) {
      throw new IllegalArgumentException(
          "cannot merge moments of dimension " + other.dimension + " into " + dimension + "; the vectors come from different models");
    }
    if (other.count == 0) {
      return this;
    }
    long n = count + other.count;
    double[] delta = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      delta[i] = other.mean[i] - mean[i];
    }
    double w = (double) count * other.count / n;
    for (int i = 0; i < dimension; i++) {
      int row = i * dimension;
      double di = delta[i] * w;
      for (int j = 0; j < dimension; j++) {
        m2[row + j] += other.m2[row + j] + di * delta[j];
      }
    }
    double f = (double) other.count / n;
    for (int i = 0; i < dimension; i++) {
      mean[i] += delta[i] * f;
    }
    count = n;
    return this;
  }

  /** Sample covariance (divisor n - 1), as Spark ML and Commons Math compute it. */
  public double covariance(int i, int j) {
    requireTwo();
    return m2[i * dimension + j] / (count - 1);
  }

  /** Sample standard deviations (divisor n - 1). */
  public double[] std() {
    requireTwo();
    double[] s = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      s[i] = Math.sqrt(Math.max(0, m2[i * dimension + i]) / (count - 1));
    }
    return s;
  }

  private void requireTwo() {
    if (count < 2) {
      throw new IllegalStateException("covariance needs at least 2 vectors, got " + count + "; check the rejects of the features stage");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Moments m
        && m.count == count
        && Arrays.equals(m.mean, mean)
        && Arrays.equals(m.m2, m2);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Arrays.hashCode(mean);
  }
}
