package io.fruits.reduction;

/**
 * Accumulates {@link Moments} of a stream of vectors in blocks. Each block of rows is centred on
 * its own mean and its scatter matrix is built by rank-1 updates over contiguous rows (a loop the
 * JIT vectorises), touching only the upper triangle; the block is then merged with Chan's rule.
 * For d = 512 that is one pass over d*d/2 doubles per row instead of a loop per element pair and
 * a merge per row.
 */
public final class CovarianceAccumulator {
  /** Rows per block: big enough to amortise the merge, small enough to stay in cache. */
  public static final int DEFAULT_BLOCK = 256;

  private final int dimension;
  private final double[][] block;
  private final double[] blockMean;
  private final double[] scatter;
  private final Moments total;
  private int rows;

  public CovarianceAccumulator(int dimension) {
    this(dimension, DEFAULT_BLOCK);
  }

  public CovarianceAccumulator(int dimension, int blockRows) {
    this.dimension = dimension;
    this.block = new double[blockRows][dimension];
    this.blockMean = new double[dimension];
    this.scatter = new double[dimension * dimension];
    this.total = new Moments(dimension);
  }

  public void add(float[] v) {
    checkLength(v.length);
    double[] row = block[rows++];
    for (int i = 0; i < dimension; i++) {
      row[i] = v[i];
    }
    if (rows == block.length) {
      flushBlock();
    }
  }

  public void add(double[] v) {
    checkLength(v.length);
    System.arraycopy(v, 0, block[rows++], 0, dimension);
    if (rows == block.length) {
      flushBlock();
    }
  }

  /** The moments of everything added so far. */
  public Moments moments() {
    flushBlock();
    return total;
  }

  private void checkLength(int length) {
    if (length != dimension) {
      throw new IllegalArgumentException("vector has " + length + " values, expected " + dimension + "; all vectors must come from one model");
    }
  }

  private void flushBlock() {
    if (rows == 0) {
      return;
    }
    int d = dimension;
    java.util.Arrays.fill(blockMean, 0);
    for (int r = 0; r < rows; r++) {
      double[] row = block[r];
      for (int i = 0; i < d; i++) {
        blockMean[i] += row[i];
      }
    }
    for (int i = 0; i < d; i++) {
      blockMean[i] /= rows;
    }
    java.util.Arrays.fill(scatter, 0);
    for (int r = 0; r < rows; r++) {
      double[] row = block[r];
      for (int i = 0; i < d; i++) {
        row[i] -= blockMean[i];
      }
      for (int i = 0; i < d; i++) {
        double xi = row[i];
        if (xi == 0) {
          continue; // a feature constant within the block centres to exactly 0: nothing to add
        }
        int base = i * d;
        for (int j = i; j < d; j++) {
          scatter[base + j] += xi * row[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        scatter[i * d + j] = scatter[j * d + i];
      }
    }
    total.merge(new Moments(d, rows, blockMean, scatter)); // merge only reads them
    rows = 0;
  }
}
