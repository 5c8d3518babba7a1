package io.fruits.mapreduce;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** A d x l matrix of doubles handed from the driver to a Gram pass's tasks: d, l, then the rows. */
final class BasisFile {
  private BasisFile() {}

  static void write(Configuration conf, Path file, double[][] m) throws IOException {
    try (DataOutputStream out = file.getFileSystem(conf).create(file, true)) {
      out.writeInt(m.length);
      out.writeInt(m[0].length);
      for (double[] row : m) {
        BulkArrays.writeDoubles(out, row);
      }
    }
  }

  static double[][] read(Configuration conf, Path file) throws IOException {
    try (DataInputStream in = file.getFileSystem(conf).open(file)) {
      int d = in.readInt();
      int l = in.readInt();
      double[][] m = new double[d][];
      for (int i = 0; i < d; i++) {
        m[i] = BulkArrays.readDoubles(in, l);
      }
      return m;
    }
  }
}
