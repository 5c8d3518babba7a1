package io.fruits.layout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files of an input folder, by id in UTF-8 byte order (the order of Hadoop's Text keys, so
 * every stage and both editions see the same order), with hidden paths set aside. Both the pack
 * stage and the Spark edition read their input through this one listing.
 */
public final class ImageTree {
  private final FileSystem fs;
  private final TreeMap<String, Path> files;
  private final List<String> hidden;

  private ImageTree(FileSystem fs, TreeMap<String, Path> files, List<String> hidden) {
    this.fs = fs;
    this.files = files;
    this.hidden = hidden;
  }

  /** Lists {@code input}, failing with a one-line message when it is not a folder or holds no files. */
  public static ImageTree scan(Configuration conf, Path input) throws IOException {
    FileSystem fs = input.getFileSystem(conf);
    if (!fs.exists(input) || !fs.getFileStatus(input).isDirectory()) {
      throw new IllegalArgumentException("input " + input + " is not a folder; point --input at the image tree (one folder per class)");
    }
    Path root = fs.makeQualified(input);
    TreeMap<String, Path> files = new TreeMap<>(ImageId.BYTE_ORDER);
    List<String> hidden = new ArrayList<>();
    for (Path file : listFiles(fs, root)) {
      String id = relative(root, file);
      if (isHiddenPath(id)) {
        hidden.add(id);
      } else {
        files.put(id, file);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("input " + input + " holds no files; point --input at the image tree (one folder per class)");
    }
    Collections.sort(hidden, ImageId.BYTE_ORDER);
    return new ImageTree(fs, files, hidden);
  }

  public FileSystem fileSystem() {
    return fs;
  }

  /** Id to file, in id order. */
  public TreeMap<String, Path> files() {
    return files;
  }

  /** Ids of hidden files (a part starting with '.' or '_'), left out. */
  public List<String> hidden() {
    return hidden;
  }

  /**
   * Every file below {@code root}. The local filesystem is walked with plain listings, because its
   * located statuses fork a shell per file to read permissions (seconds per thousand files).
   */
  private static List<Path> listFiles(FileSystem fs, Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
      walk(fs, root, out);
    } else {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        out.add(it.next().getPath());
      }
    }
    return out;
  }

  private static void walk(FileSystem fs, Path dir, List<Path> out) throws IOException {
    for (FileStatus st : fs.listStatus(dir)) {
      if (st.isDirectory()) {
        walk(fs, st.getPath(), out);
      } else {
        out.add(st.getPath());
      }
    }
  }

  private static String relative(Path root, Path file) {
    String r = root.toUri().getPath();
    String f = file.toUri().getPath();
    String prefix = r.endsWith("/") ? r : r + "/";
    if (!f.startsWith(prefix)) {
      throw new IllegalStateException(file + " is not below " + root);
    }
    return f.substring(prefix.length());
  }

  private static boolean isHiddenPath(String id) {
    for (String part : id.split("/")) {
      if (ImageId.isHidden(part)) {
        return true;
      }
    }
    return false;
  }
}
