package io.fruits.core;

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
}
