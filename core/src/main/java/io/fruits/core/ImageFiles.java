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
  /** The most a Java array, and so one SequenceFile value, can hold. */
  public static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private ImageFiles() {}

  private static InputStream open(FileSystem fs, Path image) throws IOException {
    FileSystem reader = fs instanceof ChecksumFileSystem checked ? checked.getRawFileSystem() : fs;
    return reader.open(image);
  }

  /**
   * Reads a listed image into {@code buf} (reset first), at most {@code maxBytes} of it. Returns
   * null when it was read, or why it cannot be read as listed: it vanished since the listing, it
   * may not be read (a file without read permission, an S3 object the credentials may not get), or
   * it grew past {@code maxBytes} since (the listing's size is what kept larger files out: a file
   * still being copied in, an object replaced after an S3 Inventory was written; read whole, it
   * would take the task's memory). Such a file is a reject of the run, not a failed task. Any
   * other failure (a network error) is thrown, so that the task fails and Hadoop tries it again.
   */
  public static String readInto(FileSystem fs, Path image, ByteArrayOutputStream buf, long maxBytes) throws IOException {
    buf.reset();
    try (InputStream in = open(fs, image)) {
      if (copyAtMost(in, buf, Math.min(maxBytes, MAX_ARRAY))) {
        return null;
      }
      return maxBytes <= MAX_ARRAY ? "it grew past pack.max.file.bytes=" + maxBytes + " since it was listed; it was not read further"
          : "it is larger than " + MAX_ARRAY + " bytes, the most one image can hold; it was not read further";
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

  /** Copies {@code in} to {@code out}; false, with {@code out} reset, once it holds more than {@code max} bytes. */
  private static boolean copyAtMost(InputStream in, ByteArrayOutputStream out, long max) throws IOException {
    byte[] chunk = new byte[1 << 16];
    for (int n; (n = in.read(chunk)) >= 0; ) {
      if (out.size() + (long) n > max) {
        out.reset();
        return false;
      }
      out.write(chunk, 0, n);
    }
    return true;
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
