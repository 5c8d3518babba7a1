package io.fruits.mapreduce;

/** One exported row: the image's id, its label and its values (features or PCA components). */
public record VectorRow(String id, String label, double[] values) {
  static VectorRow of(String id, String label, float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i]; // exact: written back as float
    }
    return new VectorRow(id, label, d);
  }
}
