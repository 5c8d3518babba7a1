package io.fruits.core;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * A run folder's lock on any Hadoop filesystem, S3 included: a write sets the time (S3 has no way
 * to touch a file), and the release runs in a Hadoop shutdown hook ordered before the filesystems
 * close. A new lock is created without overwrite: atomic on HDFS, a check then a write on S3A
 * (Hadoop 3.4.1's S3A has no conditional put), where {@link RunLock} reads it again after a pause.
 * A local folder gets the java.nio lock instead
 * ({@link #of}), whose creation is atomic where Hadoop's local create is a check then a write.
 */
public final class HadoopLockFile implements LockFile {
  private final FileSystem fs;
  private final Path root;
  private final Path file;

  HadoopLockFile(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
    this.file = new Path(root, RunLock.FILE);
  }

  /** The lock of the run folder {@code root}: on a local folder {@link LocalLockFile}'s, elsewhere this class's. */
  public static LockFile of(Configuration conf, Path root) throws IOException {
    FileSystem fs = root.getFileSystem(conf);
    if (fs instanceof LocalFileSystem local) {
      return LocalLockFile.of(local.pathToFile(root).toPath());
    }
    return new HadoopLockFile(fs, root);
  }

  @Override
  public String folder() {
    return root.toString();
  }

  @Override
  public long modified() throws IOException {
    try {
      return fs.getFileStatus(file).getModificationTime();
    } catch (FileNotFoundException e) {
      return -1;
    }
  }

  @Override
  public String read() throws IOException {
    try (var in = fs.open(file)) {
      return RunLock.firstLine(in);
    } catch (FileNotFoundException e) {
      return "";
    }
  }

  @Override
  public void write(String text, boolean mustBeNew) throws IOException {
    try (FSDataOutputStream out = fs.create(file, !mustBeNew)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (FileAlreadyExistsException e) {
      throw new java.nio.file.FileAlreadyExistsException(file.toString());
    }
  }

  @Override
  public void delete() throws IOException {
    fs.delete(file, false);
  }

  /** HDFS's create without overwrite is atomic (its NameNode decides); S3A's, and others', is a look then a write. */
  @Override
  public boolean createIsAtomic() {
    return "hdfs".equals(fs.getScheme());
  }

  @Override
  public void releaseOnExit(Runnable release) {
    ShutdownHookManager.get().addShutdownHook(release, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
  }

  @Override
  public void keepOnExit(Runnable release) {
    if (!ShutdownHookManager.get().isShutdownInProgress()) { // a run that ends while Ctrl-C stops the JVM
      ShutdownHookManager.get().removeShutdownHook(release);
    }
  }
}
