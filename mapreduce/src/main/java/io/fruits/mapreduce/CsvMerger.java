package io.fruits.mapreduce;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Concatenates a job's part files, in name order, under one header: the one-file CSV for people
 * next to the part files for machines. Written under a temporary name and renamed, so a reader
 * never sees half a file.
 */
public final class CsvMerger {
  private final Configuration conf;

  public CsvMerger(Configuration conf) {
    this.conf = conf;
  }

  /** Merges {@code dir/part-*} (none is fine: header only) into {@code target}. */
  public void merge(Path dir, String header, Path target) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    FileStatus[] parts = fs.exists(dir) ? fs.globStatus(new Path(dir, "part-*")) : new FileStatus[0];
    Arrays.sort(parts);
    Path tmp = new Path(target.getParent(), "_" + target.getName() + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
      for (FileStatus part : parts) {
        try (InputStream in = part.getPath().getFileSystem(conf).open(part.getPath())) {
          in.transferTo(out);
        }
      }
    }
    fs.delete(target, false);
    if (!fs.rename(tmp, target)) {
      throw new IOException("cannot rename " + tmp + " to " + target);
    }
  }

  /** {@code id,label,<prefix>1,...,<prefix>n}. */
  public static String header(String prefix, int n) {
    StringBuilder sb = new StringBuilder("id,label");
    for (int i = 1; i <= n; i++) {
      sb.append(',').append(prefix).append(i);
    }
    return sb.toString();
  }
}
