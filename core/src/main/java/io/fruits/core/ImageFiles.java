package io.fruits.core;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads an input image, whichever edition and filesystem reads it. On the local filesystem the
 * image is read past Hadoop's checksum layer: an input image was never written by Hadoop, so it has
 * no {@code .crc} file to check, and that layer names the checksum file with a relative path that
 * Hadoop cannot parse when the image's name holds a colon ({@code 12:30.jpg}), which failed the
 * whole run.
 */
public final class ImageFiles {
  private ImageFiles() {}

  private static InputStream open(FileSystem fs, Path image) throws IOException {
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
      String charset = System.getProperty("sun.jnu.encoding", "UTF-8");
      if (LocalDisk.is(fs) && !nameFits(image.toUri().getPath(), charset)) {
        return "its name cannot be given to the operating system in the JVM's file name charset (" + charset
            + "), so the JVM cannot open it: rename it" + ("UTF-8".equals(charset) ? "" : ", or run with a UTF-8 locale (LC_ALL=C.UTF-8)");
      }
      String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
      return "listed but could not be read (" + e.getClass().getSimpleName() + ": " + message + ")";
    }
  }

  /**
   * Whether a local name can reach the operating system. The JVM passes names in the charset of
   * the locale: under C/POSIX that is ASCII, and "été" cannot be said in it (scripts/fruits sets a
   * UTF-8 locale). A name that is no valid UTF-8 was listed with U+FFFD in place of its bytes, and
   * no file has that name.
   */
  private static boolean nameFits(String name, String charset) {
    return name.indexOf('\uFFFD') < 0 && (!java.nio.charset.Charset.isSupported(charset)
        || java.nio.charset.Charset.forName(charset).newEncoder().canEncode(name));
  }
}
