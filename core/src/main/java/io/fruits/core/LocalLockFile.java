package io.fruits.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run folder's lock on the local disk, through java.nio. A lock written here is new only if no
 * file was there ({@code CREATE_NEW}, atomic on a local filesystem). Hadoop's local filesystem
 * keeps a {@code .crc} beside each file it writes; one that no longer matches would fail Hadoop's
 * next read of the lock, so it goes whenever this class writes or deletes the lock.
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
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (NoSuchFileException e) {
      return -1;
    }
  }

  @Override
  public String read() throws IOException {
    try (var in = Files.newInputStream(file)) {
      return RunLock.firstLine(new String(in.readNBytes(1024), StandardCharsets.UTF_8));
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
  public synchronized void releaseOnExit(Runnable release) {
    hook = new Thread(release, "fruits-run-lock-release");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public synchronized void keepOnExit(Runnable release) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException stopping) {
      // The JVM is stopping: the hook is what released the lock.
    }
  }
}
