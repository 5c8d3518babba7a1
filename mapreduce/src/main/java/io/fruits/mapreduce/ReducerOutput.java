package io.fruits.mapreduce;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Writable;

/** The one record a single-reducer job wrote into its one part file. */
final class ReducerOutput {
  private ReducerOutput() {}

  /** Fills {@code value} from the record; false when the reducer wrote none (no vectors reached it). */
  static boolean read(Configuration conf, Path dir, Writable value) throws IOException {
    // One reducer, one file; S3A's staging committers add a unique suffix to its name.
    FileStatus[] parts = dir.getFileSystem(conf).globStatus(new Path(dir, "part-r-*"));
    if (parts == null || parts.length != 1) {
      throw new IllegalStateException("expected one part-r-* file in " + dir + "; delete that folder and re-run");
    }
    try (SequenceFile.Reader reader = new SequenceFile.Reader(conf, SequenceFile.Reader.file(parts[0].getPath()))) {
      return reader.next(NullWritable.get(), value);
    }
  }
}
