package io.fruits.mapreduce;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Writable;

/** The one record a single-reducer job wrote into its one part file. */
final class ReducerOutput {
  private ReducerOutput() {}

  /** Fills and returns {@code value} from the record; throws what {@code whenNone} gives when the reducer wrote none. */
  static <W extends Writable> W read(Configuration conf, Path dir, W value, Supplier<RuntimeException> whenNone) throws IOException {
    // One reducer, one file; S3A's staging committers add a unique suffix to its name.
    FileStatus[] parts = dir.getFileSystem(conf).globStatus(new Path(dir, "part-r-*"));
    if (parts == null || parts.length != 1) {
      throw new IllegalStateException("expected one part-r-* file in " + dir + "; delete that folder and re-run");
    }
    try (SequenceFile.Reader reader = new SequenceFile.Reader(conf, SequenceFile.Reader.file(parts[0].getPath()))) {
      if (!reader.next(NullWritable.get(), value)) {
        throw whenNone.get();
      }
      return value;
    }
  }
}
