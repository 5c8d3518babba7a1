package io.fruits.core;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Opens an input image, whichever edition and filesystem reads it. On the local filesystem the
 * image is read past Hadoop's checksum layer: an input image was never written by Hadoop, so it has
 * no {@code .crc} file to check, and that layer names the checksum file with a relative path that
 * Hadoop cannot parse when the image's name holds a colon ({@code 12:30.jpg}), which failed the
 * whole run.
 */
public final class ImageFiles {
  private ImageFiles() {}

  public static InputStream open(Configuration conf, Path image) throws IOException {
    FileSystem fs = image.getFileSystem(conf);
    return open(fs, image);
  }

  public static InputStream open(FileSystem fs, Path image) throws IOException {
    FileSystem reader = fs instanceof ChecksumFileSystem checked ? checked.getRawFileSystem() : fs;
    return reader.open(image);
  }

  /**
   * Reads a listed image into {@code buf} (reset first). Returns null when it was read, or why it
   * cannot be read for good: it vanished since the listing, or it may not be read (a file without
   * read permission, an S3 object the credentials may not get). Such a file is a reject of the
   * run, not a failed task. Any other failure (a network error) is thrown, so that the task fails
   * and Hadoop tries it again.
   */
  public static String readInto(FileSystem fs, Path image, ByteArrayOutputStream buf) throws IOException {
    buf.reset();
    try (InputStream in = open(fs, image)) {
      in.transferTo(buf);
      return null;
    } catch (FileNotFoundException | java.nio.file.AccessDeniedException | org.apache.hadoop.security.AccessControlException e) {
      buf.reset();
      String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
      return "listed but could not be read (" + e.getClass().getSimpleName() + ": " + message + ")";
    }
  }
}
