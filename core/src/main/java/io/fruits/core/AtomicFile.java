package io.fruits.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * Writes a file so that a reader sees the old content or the new one, never half of it, and an
 * interrupted writer leaves the old file in place: the bytes go to {@code _NAME.tmp} beside it,
 * which then replaces the file in one step. The step depends on the filesystem:
 *
 * <ul>
 *   <li>local: a POSIX rename, which replaces the target atomically;
 *   <li>HDFS: a rename with {@code OVERWRITE}, atomic in the NameNode;
 *   <li>object stores ({@code s3a://} and the like): written in place, since an object only becomes
 *       visible when its upload completes, and a "rename" there would be a copy.
 * </ul>
 */
public final class AtomicFile {
  /** What writes the content. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  public static void write(Configuration conf, Path file, Body body) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    boolean local = LocalDisk.is(fs);
    boolean hdfs = "hdfs".equals(fs.getScheme()) || "viewfs".equals(fs.getScheme());
    if (!local && !hdfs) {
      try (OutputStream out = fs.create(file, true)) {
        body.writeTo(out);
      }
      return;
    }
    Path tmp = new Path(file.getParent(), "_" + file.getName() + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      body.writeTo(out);
    }
    if (local) {
      if (!fs.rename(tmp, file)) {
        throw new IOException("cannot rename " + tmp + " to " + file);
      }
    } else {
      FileContext.getFileContext(fs.getUri(), conf).rename(tmp, file, Options.Rename.OVERWRITE);
    }
  }

  public static void write(Configuration conf, Path file, String text) throws IOException {
    write(conf, file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
