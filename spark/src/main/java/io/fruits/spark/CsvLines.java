package io.fruits.spark;

import io.fruits.core.AtomicFile;
import io.fruits.core.CsvRows;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/** The Spark edition's rows as {@link CsvRows} writes them for both editions, and the driver's small files. */
final class CsvLines {
  private CsvLines() {}

  static String featureRow(FeatureRow r) {
    return CsvRows.vector(new StringBuilder(r.vector.length * 12), r.id, r.label, r.vector).toString();
  }

  static String pcaRow(Row r) {
    Vector v = r.getAs(2);
    return CsvRows.vector(new StringBuilder(v.size() * 22), r.getString(0), r.getString(1), v.toArray()).toString();
  }

  static String rejectRow(FeatureRow r) {
    return CsvRows.reject(r.id, r.label, r.reason, r.detail);
  }

  /** A small file written by the driver: header, then the lines. */
  static void write(Configuration conf, Path file, String header, List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder(header).append('\n');
    lines.forEach(line -> text.append(line).append('\n'));
    AtomicFile.write(conf, file, text.toString());
  }
}
