package io.fruits.core;

import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Facts about Hadoop's local filesystem that it does not tell: whether a filesystem is it, and
 * whether this user may write into one of its folders (Hadoop finds out only by failing).
 */
public final class LocalDisk {
  private LocalDisk() {}

  /** True for the local filesystem, with or without its checksum layer. */
  public static boolean is(FileSystem fs) {
    return fs instanceof ChecksumFileSystem checked ? is(checked.getRawFileSystem()) : fs instanceof RawLocalFileSystem;
  }

  /** Whether this user may create and delete files in a folder of the local filesystem {@code fs}. */
  public static boolean writable(FileSystem fs, Path dir) {
    return java.nio.file.Files.isWritable(java.nio.file.Paths.get(fs.makeQualified(dir).toUri()));
  }
}
