package io.fruits.reduction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * A fitted PCA: the scaler, the k principal axes of the standardised features (unit vectors,
 * largest variance first), every eigenvalue of the correlation matrix and its share of the
 * variance. Immutable; {@link #transform} standardises and projects one vector.
 *
 * <p>Saved as UTF-8 text, one record a line, {@code name<TAB>comma-separated numbers}, numbers in
 * Java's shortest round-trip form so a saved model reloads bit for bit:
 *
 * <pre>
 * format      fruits-pca-1
 * dimension   d
 * components  k
 * mean        d values      feature means
 * std         d values      sample standard deviations (n - 1)
 * eigenvalues d values      of the correlation matrix, descending
 * explained   d values      eigenvalue / sum of eigenvalues
 * pc1 .. pck  d values each the components, sign fixed (largest |entry| positive)
 * </pre>
 *
 * <p>The Spark edition fits the same model from the correlation matrix Spark computes and projects
 * with it on its executors, which is why it is serializable. Its earlier releases fitted Spark ML's
 * PCA, which returns no eigenvalues beyond the k-th: their runs hold {@code NaN} there.
 */
public final class PcaModel implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final String FORMAT = "fruits-pca-1";

  private final StandardScalerModel scaler;
  private final double[][] components;
  private final double[] eigenvalues;
  private final double[] explained;
  /** The components transposed, d x k row-major, for a projection loop the JIT vectorises. */
  private final double[] byFeature;

  public PcaModel(StandardScalerModel scaler, double[][] components, double[] eigenvalues, double[] explained) {
    int d = scaler.dimension();
    for (double[] c : components) {
      if (c.length != d) {
        throw new IllegalArgumentException("component of length " + c.length + " for dimension " + d);
      }
    }
    this.scaler = scaler;
    this.components = components;
    this.eigenvalues = eigenvalues.clone();
    this.explained = explained.clone();
    int k = components.length;
    this.byFeature = new double[d * k];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < d; i++) {
        byFeature[i * k + c] = components[c][i];
      }
    }
  }

  public int dimension() {
    return scaler.dimension();
  }

  public int k() {
    return components.length;
  }

  public StandardScalerModel scaler() {
    return scaler;
  }

  public double[] component(int i) {
    return components[i].clone();
  }

  public double[] eigenvalues() {
    return eigenvalues.clone();
  }

  public double[] explainedVarianceRatio() {
    return explained.clone();
  }

  /** The share of the variance the k kept components explain, in order (what each run reports). */
  public double keptShare() {
    double kept = 0;
    for (int i = 0; i < components.length; i++) {
      kept += explained[i];
    }
    return kept;
  }

  /**
   * Standardises {@code x} and projects it on the k components. Each output sums its terms in
   * feature order, exactly as a dot product with the component would.
   */
  public double[] transform(float[] x) {
    double[] z = new double[x.length];
    scaler.transform(x, z);
    int k = components.length;
    double[] out = new double[k];
    for (int i = 0; i < z.length; i++) {
      double zi = z[i];
      int base = i * k;
      for (int c = 0; c < k; c++) {
        out[c] += zi * byFeature[base + c];
      }
    }
    return out;
  }

  /** Saves as UTF-8 text into {@code out}, which stays open. */
  public void save(java.io.OutputStream out) throws IOException {
    save(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
  }

  public void save(Writer out) throws IOException {
    line(out, "format", FORMAT);
    line(out, "dimension", Integer.toString(dimension()));
    line(out, "components", Integer.toString(k()));
    line(out, "mean", join(scaler.mean()));
    line(out, "std", join(scaler.std()));
    line(out, "eigenvalues", join(eigenvalues));
    line(out, "explained", join(explained));
    for (int c = 0; c < components.length; c++) {
      line(out, "pc" + (c + 1), join(components[c]));
    }
    out.flush();
  }

  public static PcaModel load(Reader in) throws IOException {
    Map<String, String> records = new HashMap<>();
    BufferedReader r = new BufferedReader(in);
    for (String l; (l = r.readLine()) != null; ) {
      int tab = l.indexOf('\t');
      if (tab > 0) {
        records.put(l.substring(0, tab), l.substring(tab + 1));
      }
    }
    if (!FORMAT.equals(records.get("format"))) {
      throw new IOException("not a PCA model of format " + FORMAT + "; refit it with the reduction stage");
    }
    int d = count(records, "dimension");
    int k = count(records, "components");
    // Checked against the file's own content before anything is allocated: a damaged or hostile
    // header must not make a service allocate gigabytes.
    String mean = records.get("mean");
    int meanValues = mean == null ? 0 : mean.split(",", -1).length;
    if (d < 1 || d != meanValues || k < 1 || k > d) {
      throw new IOException("PCA model declares " + d + " dimensions and " + k + " components, but holds " + meanValues
          + " means; the file is damaged, refit it");
    }
    double[][] comps = new double[k][];
    for (int c = 0; c < k; c++) {
      comps[c] = numbers(records, "pc" + (c + 1), d);
    }
    StandardScalerModel scaler = new StandardScalerModel(numbers(records, "mean", d), numbers(records, "std", d));
    return new PcaModel(scaler, comps, numbers(records, "eigenvalues", d), numbers(records, "explained", d));
  }

  private static int count(Map<String, String> records, String name) throws IOException {
    try {
      return Integer.parseInt(String.valueOf(records.get(name)).trim());
    } catch (NumberFormatException e) {
      throw new IOException("PCA model's '" + name + "' is not a whole number; the file is damaged, refit it");
    }
  }

  private static double[] numbers(Map<String, String> records, String name, int d) throws IOException {
    String text = records.get(name);
    if (text == null) {
      throw new IOException("PCA model lacks '" + name + "'; the file is truncated, refit it");
    }
    String[] parts = text.split(",");
    if (parts.length != d) {
      throw new IOException("PCA model '" + name + "' has " + parts.length + " values, expected " + d);
    }
    double[] v = new double[d];
    try {
      for (int i = 0; i < d; i++) {
        v[i] = Double.parseDouble(parts[i]);
      }
    } catch (NumberFormatException e) {
      throw new IOException("PCA model '" + name + "' holds a value that is not a number; the file is damaged, refit it");
    }
    return v;
  }

  private static void line(Writer out, String name, String value) throws IOException {
    out.write(name);
    out.write('\t');
    out.write(value);
    out.write('\n');
  }

  private static String join(double[] v) {
    StringBuilder sb = new StringBuilder(v.length * 20);
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(v[i]);
    }
    return sb.toString();
  }
}
