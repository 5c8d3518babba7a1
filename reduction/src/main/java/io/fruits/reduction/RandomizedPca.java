package io.fruits.reduction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * PCA of standardised vectors by the randomized range finder of Halko, Martinsson and Tropp (2011),
 * in O(d (k + p)) memory instead of O(d^2): for the correlation matrix's unnormalised form
 * {@code G = Z^T Z}, Y = G Omega with a seeded Gaussian Omega of l = k + p columns, q power
 * iterations Y = G Q, each Q the orthonormal basis of the previous Y, then the Rayleigh-Ritz step:
 * the eigenpairs of the small l x l matrix {@code T = Q^T G Q} give the top eigenvalues and, as
 * {@code Q W}, the components. Every product with G is one pass over the data ({@link GramProduct}).
 *
 * <p>Why G's range in feature space, not the n x l sketch {@code Z Omega} of the textbook: the
 * sketch would need a distributed QR (TSQR, or Cholesky-QR of Y^T Y); G Q is a d x l sum over
 * rows that each map task accumulates alone, and its QR is a small dense one ({@link Orthonormal})
 * in the driver. It spans the same subspace as the textbook's B = Q^T Z after as
 * many passes, since range(Z^T Z (Z^T Z)^q Omega) is B's row space.
 *
 * <p>The number of components is fixed, or the fewest whose share of the total variance reaches
 * {@code pca.variance}. The total needs no eigenvalue: the trace of the correlation matrix is the
 * number of non-constant features. Ritz values never exceed the true eigenvalues, so the share is
 * never overestimated: k may come out a little larger than the exact method's, never smaller. When
 * the top l - p Ritz values do not reach the share, l is doubled (a new sketch, the same seed
 * stream) up to {@code maxK + p}; at the cap, the cap is kept and {@link Fit#note} says so.
 */
public final class RandomizedPca {
  /** What was fitted, and what to say about it. */
  public record Fit(PcaModel model, String note) {}

  private final PcaEstimator rule;
  private final int oversampling;
  private final int powerIterations;
  private final long seed;
  private final int maxK;

  public RandomizedPca(PcaEstimator rule, int oversampling, int powerIterations, long seed, int maxK) {
    this.rule = rule;
    this.oversampling = oversampling;
    this.powerIterations = powerIterations;
    this.seed = seed;
    this.maxK = maxK;
  }

  public Fit fit(ColumnMoments moments, GramProduct gram) throws Exception {
    int d = moments.dimension();
    rule.checkK(d);
    if (moments.count() < 2) {
      throw new IllegalStateException("PCA needs at least two vectors, got " + moments.count() + "; see rejects.csv");
    }
    int total = moments.nonConstant();
    int cap = Math.min(maxK, d);
    int passes = 0;
    for (int want = rule.fixedK() > 0 ? rule.fixedK() : Math.min(cap, 32); ; want = Math.min(cap, 2 * want)) {
      int l = Math.min(d, want + oversampling);
      Ritz ritz = ritz(gram, d, l, moments.count());
      passes += ritz.passes;
      double[] eigenvalues = new double[d];
      double[] ratios = new double[d];
      Arrays.fill(eigenvalues, Double.NaN); // beyond l: not computed, as in the Spark edition's models
      Arrays.fill(ratios, Double.NaN);
      for (int i = 0; i < l; i++) {
        eigenvalues[i] = ritz.values[i];
        ratios[i] = total == 0 ? 0 : ritz.values[i] / total;
      }
      int k = rule.fixedK() > 0 ? rule.fixedK() : rule.reaching(ratios, l == d ? d : want);
      String note = String.format(Locale.ROOT, "randomized: l=%d, %d power iteration(s), %d passes", l, powerIterations, passes);
      if (k == 0 && want < cap && l < d) {
        continue; // not reached: a wider sketch
      }
      if (k == 0) {
        k = Math.min(want, l);
        note += String.format(Locale.ROOT, "; pca.variance=%s is not reached by %d components (pca.max.k=%d): raise pca.max.k or lower pca.variance",
            rule.variance(), k, maxK);
      }
      double[][] components = new double[k][];
      for (int c = 0; c < k; c++) {
        components[c] = PcaEstimator.signFixed(ritz.vectors[c]);
      }
      return new Fit(new PcaModel(moments.scaler(), components, eigenvalues, ratios), note);
    }
  }

  /** Top l eigenvalues of the correlation matrix and their unit eigenvectors, largest first. */
  private record Ritz(double[] values, double[][] vectors, int passes) {}

  private Ritz ritz(GramProduct gram, int d, int l, long n) throws Exception {
    Random random = new Random(seed);
    double[][] omega = new double[d][l];
    for (double[] row : omega) {
      for (int j = 0; j < l; j++) {
        row[j] = random.nextGaussian();
      }
    }
    double[][] basis = Orthonormal.columns(omega, seed);
    int passes = 0;
    for (int i = 0; i <= powerIterations; i++) {
      basis = Orthonormal.columns(gram.times(basis), seed + i + 1);
      passes++;
    }
    RealMatrix q = new Array2DRowRealMatrix(basis, false);
    RealMatrix gq = new Array2DRowRealMatrix(gram.times(basis), false);
    passes++;
    RealMatrix t = q.transpose().multiply(gq);
    t = t.add(t.transpose()).scalarMultiply(0.5); // symmetric up to rounding; make it exactly so
    SymmetricEigen eig = SymmetricEigen.of(t.getData());
    double[] sorted = new double[l];
    double[][] vectors = new double[l][];
    for (int i = 0; i < l; i++) {
      sorted[i] = Math.max(0, eig.values()[i]) / (n - 1);
      vectors[i] = q.operate(eig.vectors()[i]);
    }
    return new Ritz(sorted, vectors, passes);
  }
}
