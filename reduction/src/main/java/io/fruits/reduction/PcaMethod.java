package io.fruits.reduction;

import java.util.Locale;

/**
 * How the PCA is computed ({@code pca.method}): {@code exact} keeps a d x d co-moment matrix and
 * eigendecomposes it; {@code randomized} ({@link RandomizedPca}) needs O(d (k + p)); {@code auto}
 * picks exact up to {@link #AUTO_EXACT_MAX} features.
 *
 * <p>Why 4,096: the exact path holds about three d x d matrices of doubles at once (a map task's
 * running co-moments and the merge; in the driver the correlation matrix, Commons Math's copy and
 * its eigenvectors): 3 x 128 MB at d = 4,096, within the heap of a default 1 GB map container,
 * and Commons Math's single-threaded O(d^3) eigendecomposition then takes minutes, not hours.
 * Beyond {@link #EXACT_MAX} (three matrices of 2 GB each) no container we would ask for holds it,
 * so {@code exact} is refused before any CNN work.
 */
public enum PcaMethod {
  AUTO, EXACT, RANDOMIZED;

  public static final int AUTO_EXACT_MAX = 4096;
  public static final int EXACT_MAX = 16_384;

  /** The method named by {@code pca.method}, or null when the name is none of them. */
  public static PcaMethod named(String name) {
    for (PcaMethod m : values()) {
      if (m.name().toLowerCase(Locale.ROOT).equals(name)) {
        return m;
      }
    }
    return null;
  }

  /** The method used for {@code dimension}-d vectors; fails with one line when exact cannot fit. */
  public PcaMethod resolve(int dimension) {
    if (this == AUTO) {
      return dimension <= AUTO_EXACT_MAX ? EXACT : RANDOMIZED;
    }
    if (this == EXACT && dimension > EXACT_MAX) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "pca.method=exact needs three %,d x %,d matrices of doubles (%.1f GB) for these %,d-d vectors; use pca.method=randomized or auto",
          dimension, dimension, 3.0 * dimension * dimension * 8 / 1e9, dimension));
    }
    return this;
  }
}
