package io.fruits.reduction;

import java.util.Random;

/**
 * The thin Q of a tall d x l matrix (l much smaller than d) by Gram-Schmidt applied twice per
 * column ("twice is enough", Giraud et al. 2005): orthonormal to rounding, O(d l^2) time and no
 * memory beyond the answer. Commons Math's QR would build the full d x d Q: 60 GB at d = 86,528.
 * A column that the earlier ones already span (G has lower rank than l) is replaced by a seeded
 * random one, so the basis keeps l columns and the result stays a function of the input.
 */
final class Orthonormal {
  private Orthonormal() {}

  /** Columns of the answer span those of {@code a} (d x l, rows: features). {@code a} is not changed. */
  static double[][] columns(double[][] a, long seed) {
    int d = a.length;
    int l = a[0].length;
    double[][] q = new double[l][d]; // column-major while working
    Random fill = new Random(seed ^ 0x5DEECE66DL);
    for (int j = 0; j < l; j++) {
      double[] v = q[j];
      for (int i = 0; i < d; i++) {
        v[i] = a[i][j];
      }
      double before = norm(v);
      for (int attempt = 0; ; attempt++) {
        project(q, j, v);
        project(q, j, v);
        double after = norm(v);
        if (after > 1e-10 * before && after > 0) {
          for (int i = 0; i < d; i++) {
            v[i] /= after;
          }
          break;
        }
        if (attempt == 3) {
          throw new IllegalStateException("cannot extend an orthonormal basis of " + j + " columns in dimension " + d);
        }
        for (int i = 0; i < d; i++) {
          v[i] = fill.nextGaussian();
        }
        before = norm(v);
      }
    }
    double[][] rows = new double[d][l];
    for (int j = 0; j < l; j++) {
      for (int i = 0; i < d; i++) {
        rows[i][j] = q[j][i];
      }
    }
    return rows;
  }

  /** v minus its projection on the first {@code j} columns of q. */
  private static void project(double[][] q, int j, double[] v) {
    for (int c = 0; c < j; c++) {
      double[] u = q[c];
      double dot = 0;
      for (int i = 0; i < v.length; i++) {
        dot += u[i] * v[i];
      }
      for (int i = 0; i < v.length; i++) {
        v[i] -= dot * u[i];
      }
    }
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
