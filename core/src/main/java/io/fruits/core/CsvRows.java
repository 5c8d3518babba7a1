package io.fruits.core;

/**
 * The rows of a run's CSVs, one definition for both editions so their files agree byte for byte:
 * id and label quoted only when needed ({@link Csv#field}), numbers as Java prints them.
 */
public final class CsvRows {
  public static final String REJECTS_HEADER = "id,label,reason,detail";

  private CsvRows() {}

  /** {@code id,label,v1,...,vn} into {@code line}, which is cleared first. */
  public static StringBuilder vector(StringBuilder line, String id, String label, float[] values) {
    start(line, id, label);
    for (float v : values) {
      line.append(',').append(v);
    }
    return line;
  }

  /** {@code id,label,v1,...,vn} into {@code line}, which is cleared first. */
  public static StringBuilder vector(StringBuilder line, String id, String label, double[] values) {
    start(line, id, label);
    for (double v : values) {
      line.append(',').append(v);
    }
    return line;
  }

  /** {@code id,label,reason,detail}: one image that gave no vector. */
  public static String reject(String id, String label, String reason, String detail) {
    return Csv.field(id) + "," + Csv.field(label) + "," + reason + "," + Csv.field(detail);
  }

  private static void start(StringBuilder line, String id, String label) {
    line.setLength(0);
    line.append(Csv.field(id)).append(',').append(Csv.field(label));
  }
}
