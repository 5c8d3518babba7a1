package io.fruits.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run folder's lock on the local disk, through java.nio. A lock written here is new only if no
 * file was there ({@code CREATE_NEW}, atomic on a local filesystem, where Hadoop's local create is
 * a check then a write): the pipeline's runs into a local folder use it too. Hadoop's local
 * filesystem keeps a {@code .crc} beside each file it writes, and a lock it wrote (earlier builds
 * did) would fail Hadoop's next read once rewritten here, so that {@code .crc} goes with it.
 */
public final class LocalLockFile implements LockFile {
  private final Path root;
  private final Path file;
  private final Path checksum;
  private Thread hook;

  private LocalLockFile(Path root) {
    this.root = root;
    this.file = root.resolve(RunLock.FILE);
    this.checksum = root.resolve("." + RunLock.FILE + ".crc");
  }

  public static LocalLockFile of(Path root) {
    return new LocalLockFile(root);
  }

  @Override
  public String folder() {
    return root.toString();
  }

  @Override
  public long modified() throws IOException {
    if (!Files.exists(file)) { // also below a file, where the attributes would fail with "Not a directory"
      return -1;
    }
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (NoSuchFileException e) {
      return -1;
    }
  }

  @Override
  public String read() throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    try (var in = Files.newInputStream(file)) {
      return RunLock.firstLine(in);
    } catch (NoSuchFileException e) {
      return "";
    }
  }

  @Override
  public void write(String text, boolean mustBeNew) throws IOException {
    Files.deleteIfExists(checksum);
    if (mustBeNew) {
      Files.writeString(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } else {
      Files.writeString(file, text);
    }
  }

  @Override
  public void delete() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(checksum);
  }

  @Override
  public boolean createIsAtomic() {
    return true;
  }

  @Override
  public synchronized void releaseOnExit(Runnable release) {
    hook = new Thread(release, "fruits-run-lock-release");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public synchronized void keepOnExit(Runnable release) {
    if (hook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException stopping) {
      // The JVM is stopping: the hook is what released the lock.
    }
  }
}
