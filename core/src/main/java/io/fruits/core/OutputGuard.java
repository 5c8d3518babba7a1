package io.fruits.core;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a command may do to its output folder. It writes only into a folder that is new, empty or
 * recognisably its own (its marker file: {@code run.properties} for a run, {@code bench.properties}
 * for a bench), and deletes only such a folder, never one that holds the input or lies inside it.
 * Callers check after every other check has passed, so a typo in another option never costs an
 * earlier run. Every refusal is an {@link IllegalArgumentException}: one line, exit code 2.
 */
public final class OutputGuard {
  private final Configuration conf;
  private final String marker;
  private final String what;

  /**
   * @param marker the file that makes a folder ours
   * @param what how the message names such a folder ("a run", "a bench folder")
   */
  public OutputGuard(Configuration conf, String marker, String what) {
    this.conf = conf;
    this.marker = marker;
    this.what = what;
  }

  public static OutputGuard forRuns(Configuration conf) {
    return new OutputGuard(conf, RunLayout.SETTINGS, "a run of fruits");
  }

  /**
   * Refuses an {@code output} that is the {@code input}, holds it, or lies inside it. Both paths
   * must be qualified.
   */
  public void checkApart(Path output, Path input) {
    if (sameFileSystem(output, input) && (isAtOrBelow(input, output) || isAtOrBelow(output, input))) {
      String where = isAtOrBelow(input, output) ? "holds the input " + input : "lies inside the input " + input;
      throw new IllegalArgumentException("output " + output + " " + where + "; give --output a folder of its own, outside the input");
    }
  }

  /**
   * Deletes {@code output} for {@code --overwrite}, only when it is ours; a folder that does not
   * exist is fine. Returns whether anything was deleted.
   */
  public boolean deleteForOverwrite(Path output) throws IOException {
    FileSystem fs = output.getFileSystem(conf);
    if (!fs.exists(output)) {
      return false;
    }
    requireOurs(fs, output);
    if (LocalDisk.is(fs) && !(LocalDisk.writable(fs, output) && (output.getParent() == null || LocalDisk.writable(fs, output.getParent())))) {
      throw new IllegalArgumentException("output " + output + " is a run this user may not delete; nothing was deleted:"
          + " give --output a folder you may write");
    }
    if (!fs.delete(output, true)) { // a folder of another user inside it
      throw new IllegalArgumentException("--overwrite could not delete all of " + output + "; delete it by hand or give --output another folder");
    }
    return true;
  }

  /** Refuses to write into an existing, non-empty folder that is not ours. */
  public void checkWritable(Path output) throws IOException {
    FileSystem fs = output.getFileSystem(conf);
    if (fs.exists(output) && (!fs.getFileStatus(output).isDirectory() || fs.listStatus(output).length > 0)) {
      requireOurs(fs, output);
    }
  }

  /**
   * Creates {@code output} (and its parents), or refuses in one line when the user may not: no
   * write permission, a file in the way. Before, both failed later with a stack trace. Other
   * failures (a network error) are thrown as they are.
   */
  public void create(Path output) throws IOException {
    FileSystem fs = output.getFileSystem(conf);
    boolean made;
    try {
      made = fs.mkdirs(output);
    } catch (java.nio.file.AccessDeniedException | org.apache.hadoop.security.AccessControlException
        | org.apache.hadoop.fs.FileAlreadyExistsException | org.apache.hadoop.fs.ParentNotDirectoryException e) {
      made = false;
    }
    if (made && LocalDisk.is(fs)) { // an existing folder of another user
      made = LocalDisk.writable(fs, output);
    }
    if (!made) {
      throw new IllegalArgumentException("output " + output + " cannot be created (no write permission, or a file in its way);"
          + " give --output a folder you may write");
    }
  }

  /**
   * Makes {@code output} the folder of a tool that rewrites it (a bench): checks that it lies apart
   * from {@code input} and is new, empty or ours, then creates it and writes the marker, one line
   * saying what the folder is. With {@code emptied}, whatever an earlier run of the tool left in it
   * is deleted first.
   */
  public void claim(Path output, Path input, boolean emptied) throws IOException {
    checkApart(output, input);
    checkWritable(output);
    FileSystem fs = output.getFileSystem(conf);
    if (emptied && fs.exists(output)) {
      fs.delete(output, true);
    }
    create(output);
    AtomicFile.write(conf, new Path(output, marker), "# " + what + ": its tool may delete and rewrite what is in it\n");
  }

  private void requireOurs(FileSystem fs, Path output) throws IOException {
    if (!fs.getFileStatus(output).isDirectory() || !fs.exists(new Path(output, marker))) {
      throw new IllegalArgumentException("output " + output + " exists and is not " + what + " (no " + marker
          + "); nothing was deleted: give --output a new folder");
    }
  }

  private static boolean sameFileSystem(Path a, Path b) {
    return java.util.Objects.equals(a.toUri().getScheme(), b.toUri().getScheme())
        && java.util.Objects.equals(a.toUri().getAuthority(), b.toUri().getAuthority());
  }

  /** True when {@code p} is {@code dir} or below it. */
  private static boolean isAtOrBelow(Path p, Path dir) {
    String d = dir.toUri().getPath();
    String f = p.toUri().getPath();
    String prefix = d.endsWith("/") ? d : d + "/";
    return f.equals(d) || f.startsWith(prefix);
  }
}
