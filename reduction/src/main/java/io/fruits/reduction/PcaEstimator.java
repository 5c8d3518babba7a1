package io.fruits.reduction;

/**
 * Principal component analysis of standardised features, fitted from their moments alone: the
 * covariance of the standardised data is the correlation matrix {@code R = D^-1 C D^-1}, and its
 * eigenvectors are the components ({@link SymmetricEigen}). The number of components is fixed
 * ({@code pca.k}) or the smallest that explains a share of the variance ({@code pca.variance}).
 *
 * <p>Eigenvectors are defined up to sign; each component is flipped so that its entry of largest
 * magnitude is positive (the first such entry on ties), so a refit gives the same model.
 */
public final class PcaEstimator {
  private final int k;
  private final double variance;

  private PcaEstimator(int k, double variance) {
    this.k = k;
    this.variance = variance;
  }

  /** Keeps exactly {@code k} components. */
  public static PcaEstimator withK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("pca.k must be at least 1, was " + k);
    }
    return new PcaEstimator(k, Double.NaN);
  }

  /** Keeps the fewest components whose explained variance reaches {@code share}. */
  public static PcaEstimator withVariance(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("pca.variance must be in (0, 1], was " + share);
    }
    return new PcaEstimator(0, share);
  }

  public PcaModel fit(Moments m) {
    int d = m.dimension();
    checkK(d);
    StandardScalerModel scaler = StandardScalerModel.fit(m);
    double[][] r = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        r[i][j] = m.covariance(i, j) * scaler.inverseStd(i) * scaler.inverseStd(j);
      }
    }
    return fit(scaler, r);
  }

  /**
   * Decomposes a correlation matrix computed elsewhere (the Spark edition's, by Spark, from the
   * vectors {@code scaler} standardised; a constant feature's row and column are zero) with this
   * estimator's solver, sign and k rules. {@code r} is left untouched.
   */
  public PcaModel fit(StandardScalerModel scaler, double[][] r) {
    int d = scaler.dimension();
    checkK(d);
    if (r.length != d) {
      throw new IllegalArgumentException("a " + r.length + "x" + r.length + " correlation matrix for dimension " + d);
    }
    SymmetricEigen eig = SymmetricEigen.of(r);
    double[] sorted = new double[d];
    double trace = 0;
    for (int i = 0; i < d; i++) {
      // Rounding leaves tiny negative eigenvalues of a PSD matrix; they are zero.
      sorted[i] = Math.max(0, eig.values()[i]);
      trace += sorted[i];
    }
    double[] ratios = new double[d];
    for (int i = 0; i < d; i++) {
      ratios[i] = trace == 0 ? 0 : sorted[i] / trace;
    }
    int keep = componentsFor(ratios);
    double[][] components = new double[keep][];
    for (int c = 0; c < keep; c++) {
      components[c] = signFixed(eig.vectors()[c]);
    }
    return new PcaModel(scaler, components, sorted, ratios);
  }

  /**
   * How many components this estimator keeps, given the explained variance ratios of all
   * components in decreasing order (any PCA's, Spark's included).
   */
  public int componentsFor(double[] ratios) {
    checkK(ratios.length);
    if (k > 0) {
      return k;
    }
    int reached = reaching(ratios, ratios.length);
    return reached > 0 ? reached : ratios.length;
  }

  /** The fewest of the first {@code n} shares that reach {@link #variance}; 0 when all n do not. */
  int reaching(double[] ratios, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += ratios[i];
      // The tolerance keeps 1.0 reachable despite rounding in the sum.
      if (sum >= variance - 1e-12) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The share of variance to explain; NaN when k is fixed. */
  public double variance() {
    return variance;
  }

  /** The fixed number of components, or 0 when chosen by explained variance. */
  public int fixedK() {
    return k;
  }

  /** Fails before any work when a fixed k cannot be met; exposed so callers check up front. */
  public void checkK(int dimension) {
    if (k > dimension) {
      throw new IllegalArgumentException("pca.k=" + k + " exceeds the model's feature dimension " + dimension + "; choose k <= " + dimension);
    }
  }

  static double[] signFixed(double[] v) {
    if (sign(v) < 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = -v[i];
      }
    }
    return v;
  }

  /**
   * The factor, 1 or -1, that makes an eigenvector's entry of largest magnitude positive (the first
   * on ties): the sign rule of every component this product writes.
   */
  static double sign(double[] v) {
    int at = 0;
    for (int i = 1; i < v.length; i++) {
      if (Math.abs(v[i]) > Math.abs(v[at])) {
        at = i;
      }
    }
    return v[at] < 0 ? -1 : 1;
  }
}
