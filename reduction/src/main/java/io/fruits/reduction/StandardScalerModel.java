package io.fruits.reduction;

/**
 * Centres each feature on its mean and divides by its standard deviation. A feature with zero
 * deviation (a CNN channel that never fires) maps to 0, as Spark ML's StandardScaler does, instead
 * of dividing by zero. Serializable: the Spark edition broadcasts it inside a {@link PcaModel}.
 */
public final class StandardScalerModel implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] mean;
  private final double[] std;
  private final double[] inverse;

  public StandardScalerModel(double[] mean, double[] std) {
    if (mean.length != std.length) {
      throw new IllegalArgumentException("mean has " + mean.length + " values but std has " + std.length);
    }
    this.mean = mean.clone();
    this.std = std.clone();
    this.inverse = new double[std.length];
    for (int i = 0; i < std.length; i++) {
      inverse[i] = std[i] == 0 ? 0 : 1 / std[i];
    }
  }

  public static StandardScalerModel fit(Moments m) {
    return new StandardScalerModel(m.mean(), m.std());
  }

  public int dimension() {
    return mean.length;
  }

  public double[] mean() {
    return mean.clone();
  }

  public double[] std() {
    return std.clone();
  }

  /** Standardises {@code x} into {@code out}. */
  public void transform(float[] x, double[] out) {
    if (x.length != mean.length) {
      throw new IllegalArgumentException("vector has " + x.length + " values, the model expects " + mean.length);
    }
    for (int i = 0; i < mean.length; i++) {
      out[i] = (x[i] - mean[i]) * inverse[i];
    }
  }

  /** 1/std, with 0 for constant features. */
  double inverseStd(int i) {
    return inverse[i];
  }
}
