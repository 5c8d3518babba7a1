package io.fruits.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Concatenates a job's part files under one header: the one-file CSV for people next to the part
 * files for machines. Each part holds a run of consecutive ids, so ordering the parts by their
 * first id gives rows in id order, however many tasks wrote them (Hadoop numbers tasks by split
 * size, not by position). Written under a temporary name and renamed, so a reader never sees half
 * a file.
 */
public final class CsvMerger {
  private final Configuration conf;

  public CsvMerger(Configuration conf) {
    this.conf = conf;
  }

  /** Merges {@code dir/part-*} (none is fine: header only) into {@code target}. */
  public void merge(Path dir, String header, Path target) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    FileStatus[] found = fs.exists(dir) ? fs.globStatus(new Path(dir, "part-*")) : new FileStatus[0];
    TreeMap<String, Path> parts = new TreeMap<>(ImageId.BYTE_ORDER);
    for (FileStatus part : found) {
      String first = firstId(part.getPath());
      if (first != null) {
        parts.put(first, part.getPath());
      }
    }
    Path tmp = new Path(target.getParent(), "_" + target.getName() + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
      for (Path part : parts.values()) {
        try (InputStream in = part.getFileSystem(conf).open(part)) {
          in.transferTo(out);
        }
      }
    }
    fs.delete(target, false);
    if (!fs.rename(tmp, target)) {
      throw new IOException("cannot rename " + tmp + " to " + target);
    }
  }

  /** The id of the part's first row, or null for an empty part. */
  private String firstId(Path part) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(part.getFileSystem(conf).open(part), StandardCharsets.UTF_8))) {
      String line = r.readLine();
      return line == null ? null : Csv.parse(line).get(0);
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
