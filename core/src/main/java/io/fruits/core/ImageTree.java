package io.fruits.core;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files of an input folder, by id in UTF-8 byte order (the order of Hadoop's Text keys, so
 * every stage and both editions see the same order). Both the pack stage and the Spark edition
 * read their input through this one listing, so both set aside the same files:
 *
 * <ul>
 *   <li>skipped, with the reason listed in {@code packed/skipped.csv}: hidden paths ({@code .DS_Store},
 *       {@code _SUCCESS}), symbolic links and anything that is not a regular file (a FIFO would
 *       block a reader forever). Links are never followed: a link loop cannot make the listing
 *       endless, and a link cannot pull in files from outside the input;
 *   <li>too large: files over {@code pack.max.file.bytes}, never read into memory; each becomes a
 *       {@code too-large} reject of the run.
 * </ul>
 */
public final class ImageTree {
  public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;
  private static final String UNREADABLE = "unreadable";

  private final FileSystem fs;
  private final long maxFileBytes;
  private final TreeMap<String, Path> files = new TreeMap<>(ImageId.BYTE_ORDER);
  private final TreeMap<String, Long> tooLarge = new TreeMap<>(ImageId.BYTE_ORDER);
  private final TreeMap<String, String> skipped = new TreeMap<>(ImageId.BYTE_ORDER);
  private final Map<String, Long> lengths = new HashMap<>();

  private ImageTree(FileSystem fs, long maxFileBytes) {
    this.fs = fs;
    this.maxFileBytes = maxFileBytes;
  }

  /** Lists {@code input}, failing with a one-line message when it is not a folder or holds no files. */
  public static ImageTree scan(Configuration conf, Path input, long maxFileBytes) throws IOException {
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("pack.max.file.bytes must be positive, was " + maxFileBytes);
    }
    FileSystem fs = requireFolder(conf, input);
    ImageTree tree = new ImageTree(fs, maxFileBytes);
    Path root = fs.makeQualified(input);
    if (LocalDisk.is(fs)) {
      tree.walkLocal(root);
    } else {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus st = it.next();
        tree.add(relative(root, st.getPath()), st.getPath(), st.isSymlink() ? "symlink" : null, st.getLen());
      }
    }
    if (tree.files.isEmpty() && tree.tooLarge.isEmpty()) {
      long unreadable = tree.skipped.values().stream().filter(UNREADABLE::equals).count();
      if (unreadable > 0) {
        // Not "holds no files": the files may be there, behind folders this user may not read.
        throw new IllegalArgumentException("input " + input + " holds no file that may be read (" + unreadable
            + " folder(s) that may not be read); check the permissions of --input");
      }
      throw new IllegalArgumentException("input " + input + " holds no files; point --input at the image tree (one folder per class)");
    }
    return tree;
  }

  /** The input's filesystem, or a one-line error when the input is not a folder (checked before any work). */
  public static FileSystem requireFolder(Configuration conf, Path input) throws IOException {
    FileSystem fs = input.getFileSystem(conf);
    requireFolder(fs, input);
    return fs;
  }

  /** A one-line error when {@code input} is not a folder of {@code fs}. */
  public static void requireFolder(FileSystem fs, Path input) throws IOException {
    if (!fs.exists(input) || !fs.getFileStatus(input).isDirectory()) {
      throw new IllegalArgumentException("input " + input + " is not a folder; point --input at the image tree (one folder per class)");
    }
  }

  public FileSystem fileSystem() {
    return fs;
  }

  /** Id to file, in id order: the files to read. */
  public TreeMap<String, Path> files() {
    return files;
  }

  /** Id to size of the files over {@code pack.max.file.bytes}, left unread. */
  public TreeMap<String, Long> tooLarge() {
    return tooLarge;
  }

  /** Id to the reason it was left out: {@code hidden}, {@code symlink}, {@code not-a-file}, {@code unreadable}. */
  public TreeMap<String, String> skipped() {
    return skipped;
  }

  /** The size limit the listing applied; the read of a listed file keeps to it too. */
  public long maxFileBytes() {
    return maxFileBytes;
  }

  /** The reject detail of a file over the limit. */
  public String tooLargeDetail(String id) {
    return tooLarge.get(id) + " bytes exceeds pack.max.file.bytes=" + maxFileBytes;
  }

  private void add(String id, Path file, String skipReason, long length) {
    if (isHiddenPath(id)) {
      skipped.put(id, "hidden");
    } else if (skipReason != null) {
      skipped.put(id, skipReason);
    } else if (length > maxFileBytes) {
      tooLarge.put(id, length);
    } else {
      files.put(id, file);
      lengths.put(id, length);
    }
  }

  /** The size of a file to read, as the listing gave it. */
  public long length(String id) {
    return lengths.get(id);
  }

  /**
   * The input as a listing file describes it, so that nothing lists a bucket of 100M objects: an
   * S3 Inventory CSV ({@code bucket,key,size,...}, no header, keys URL-encoded as Inventory writes
   * them). Keys below the input's path become ids; others are ignored, and so is the bucket
   * column when the input has no bucket of its own (a local or HDFS copy of the same tree).
   */
  public static ImageTree fromListing(Configuration conf, Path input, Path listing, long maxFileBytes) throws IOException {
    FileSystem fs = requireFolder(conf, input);
    ImageTree tree = new ImageTree(fs, maxFileBytes);
    Path root = fs.makeQualified(input);
    String bucket = root.toUri().getAuthority();
    String prefix = root.toUri().getPath().replaceFirst("^/", "");
    prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    boolean s3 = "s3a".equals(root.toUri().getScheme());
    try (Csv.Records rows = Csv.records(new InputStreamReader(listing.getFileSystem(conf).open(listing), StandardCharsets.UTF_8))) {
      for (List<String> row : rows) {
        if (row.size() < 3) {
          throw new IllegalArgumentException("listing " + listing + " has a row of " + row.size()
              + " field(s); give an S3 Inventory CSV (bucket,key,size,...)");
        }
        String key = URLDecoder.decode(row.get(1), StandardCharsets.UTF_8);
        boolean ours = !s3 || row.get(0).equals(bucket);
        if (ours && key.startsWith(prefix) && key.length() > prefix.length() && !key.endsWith("/")) {
          String id = key.substring(prefix.length());
          tree.add(id, new Path(root, new Path(null, null, id)), null, Long.parseLong(row.get(2)));
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("listing " + listing + " has a size that is not a number: " + e.getMessage()
          + "; give an S3 Inventory CSV (bucket,key,size,...)");
    }
    if (tree.files.isEmpty() && tree.tooLarge.isEmpty()) {
      throw new IllegalArgumentException("listing " + listing + " names no file below " + input + "; give the inventory of that prefix");
    }
    return tree;
  }

  /**
   * The local filesystem is walked with java.nio, not Hadoop's listings: its located statuses fork
   * a shell per file to read permissions (seconds per thousand files), and java.nio tells links
   * and special files apart without following them.
   */
  private void walkLocal(Path root) throws IOException {
    java.nio.file.Path base = java.nio.file.Paths.get(root.toUri());
    Files.walkFileTree(base, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs) {
        String reason = attrs.isSymbolicLink() ? "symlink" : attrs.isRegularFile() ? null : "not-a-file";
        add(idOf(base, file), new Path(file.toUri()), reason, attrs.size());
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e) {
        skipped.put(idOf(base, file), UNREADABLE);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static String idOf(java.nio.file.Path base, java.nio.file.Path file) {
    return base.relativize(file).toString();
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
