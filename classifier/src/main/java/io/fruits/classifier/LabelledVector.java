package io.fruits.classifier;

/** One row of a run's {@code pca.csv}: the image's id, its class and its components. */
public record LabelledVector(String id, String label, double[] values) {
  /** The split an id belongs to: its first folder ({@code Training}, {@code Test}). */
  public String split() {
    int slash = id.indexOf('/');
    return slash < 0 ? "" : id.substring(0, slash);
  }
}
