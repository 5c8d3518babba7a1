package io.fruits.spark;

import io.fruits.core.AtomicFile;
import io.fruits.core.CsvRows;
import io.fruits.core.OutputCommitters;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The Spark edition's CSV output: rows formatted by {@link CsvRows} as in the MapReduce edition,
 * part files written by Hadoop's {@link TextOutputFormat} and the driver's small files.
 */
final class SparkCsv {
  private SparkCsv() {}

  static String featureRow(FeatureRow r) {
    return CsvRows.vector(new StringBuilder(r.vector.length * 12), r.id, r.label, r.vector).toString();
  }

  static String pcaRow(FeatureRow r, double[] projection) {
    return CsvRows.vector(new StringBuilder(projection.length * 22), r.id, r.label, projection).toString();
  }

  static String rejectRow(FeatureRow r) {
    return CsvRows.reject(r.id, r.label, r.reason, r.detail);
  }

  /**
   * Writes {@code dir/part-r-NNNNN}, one line per element. Not {@code saveAsTextFile}: that goes
   * through the old {@code mapred} API, whose committer renames, which on S3 is a copy that a
   * reader can see half done. The new API's {@code FileOutputFormat} asks Hadoop's committer
   * factory, so {@code s3a://} output gets the same S3A committer as the MapReduce edition.
   */
  static void saveParts(JavaRDD<String> lines, Path dir, Configuration hadoop) {
    Configuration conf = new Configuration(hadoop);
    OutputCommitters.configure(conf);
    lines.mapToPair(line -> new Tuple2<>(NullWritable.get(), new Text(line)))
        .saveAsNewAPIHadoopFile(dir.toString(), NullWritable.class, Text.class, TextOutputFormat.class, conf);
  }

  /** A small file written by the driver: header, then the lines. */
  static void write(Configuration conf, Path file, String header, List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder(header).append('\n');
    lines.forEach(line -> text.append(line).append('\n'));
    AtomicFile.write(conf, file, text.toString());
  }
}
