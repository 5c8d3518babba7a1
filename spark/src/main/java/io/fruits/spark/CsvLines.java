package io.fruits.spark;

import io.fruits.layout.Csv;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/** CSV rows in the MapReduce edition's format: the same quoting, the same number formatting. */
final class CsvLines {
  private CsvLines() {}

  static String featureRow(FeatureRow r) {
    StringBuilder line = new StringBuilder(r.vector.length * 12).append(Csv.field(r.id)).append(',').append(Csv.field(r.label));
    for (float f : r.vector) {
      line.append(',').append(f);
    }
    return line.toString();
  }

  static String pcaRow(Row r) {
    Vector v = r.getAs(2);
    StringBuilder line = new StringBuilder(v.size() * 22).append(Csv.field(r.getString(0))).append(',').append(Csv.field(r.getString(1)));
    for (int i = 0; i < v.size(); i++) {
      line.append(',').append(v.apply(i));
    }
    return line.toString();
  }

  static String rejectRow(FeatureRow r) {
    return Csv.field(r.id) + "," + Csv.field(r.label) + "," + r.reason + "," + Csv.field(r.detail);
  }

  /** A small file written by the driver: header, then the lines. */
  static void write(Configuration conf, Path file, String header, List<String> lines) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    try (OutputStream out = fs.create(file, true)) {
      out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
      for (String line : lines) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
