package io.fruits.spark;

import io.fruits.core.FruitsConfigKeys;
import io.fruits.core.ImageFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * Reads the encoded bytes of a partition's images, keeping the partition's id order. The
 * Hadoop configuration travels with the function, so {@code s3a://} and {@code hdfs://} work the
 * same on executors.
 */
final class ImageBytesReader implements FlatMapFunction<Iterator<Tuple2<String, String>>, ReadImage> {
  private static final long serialVersionUID = 1L;

  private final SerializableConfiguration conf;

  ImageBytesReader(Configuration conf) {
    this.conf = new SerializableConfiguration(conf);
  }

  @Override
  public Iterator<ReadImage> call(Iterator<Tuple2<String, String>> files) throws IOException {
    List<ReadImage> out = new ArrayList<>();
    ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
    long maxBytes = FruitsConfigKeys.PACK_MAX_FILE_BYTES.getLong(conf.value());
    while (files.hasNext()) {
      Tuple2<String, String> f = files.next();
      Path path = new Path(f._2());
      String unreadable = ImageFiles.readInto(path.getFileSystem(conf.value()), path, buf, maxBytes);
      out.add(new ReadImage(f._1(), unreadable == null ? buf.toByteArray() : null, unreadable));
    }
    return out.iterator();
  }

  /** (id, path) pairs for {@code parallelize}. */
  static List<Tuple2<String, String>> pairs(Map<String, Path> files) {
    List<Tuple2<String, String>> pairs = new ArrayList<>(files.size());
    files.forEach((id, path) -> pairs.add(new Tuple2<>(id, path.toString())));
    return pairs;
  }
}
