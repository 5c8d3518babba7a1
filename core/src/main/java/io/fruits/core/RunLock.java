package io.fruits.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * One writer per run folder. Two runs into one {@code --output} (a second terminal, a cron job
 * that overlapped) collided: the second took the first's folder for an unfinished run to resume
 * and one of them failed in a task with a stack trace, and {@code --overwrite} deleted a folder
 * another run was writing. A run holds {@value #FILE} in its folder while it writes (the
 * underscore keeps Hadoop's listings off it) and rewrites it every {@value #HEARTBEAT_SECONDS} s, on
 * any Hadoop filesystem, S3 included; a lock not rewritten for {@value #STALE_SECONDS} s, or held
 * by a process of this host that is gone, is stale and taken over. It is removed at the end, on
 * failure and on Ctrl-C (a Hadoop shutdown hook that runs before the filesystems close).
 */
public final class RunLock implements AutoCloseable {
  public static final String FILE = "_writer.lock";
  static final int HEARTBEAT_SECONDS = 10;
  static final int STALE_SECONDS = 60;

  private final FileSystem fs;
  private final Path file;
  private final String holder;
  private final ScheduledExecutorService heartbeat;
  private final Runnable release = this::release;

  private RunLock(FileSystem fs, Path file, String holder) {
    this.fs = fs;
    this.file = file;
    this.holder = holder;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fruits-run-lock");
      t.setDaemon(true);
      return t;
    });
  }

  /** Takes the lock of the run folder {@code root}, which exists; refuses in one line while another run holds it. */
  public static RunLock take(Configuration conf, Path root) throws IOException {
    FileSystem fs = root.getFileSystem(conf);
    Path file = new Path(root, FILE);
    boolean stale = checkNotHeld(fs, file, root);
    String holder = String.format(Locale.ROOT, "pid %d on %s since %s, lock %s", ProcessHandle.current().pid(), host(),
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), UUID.randomUUID().toString().substring(0, 8));
    RunLock lock = new RunLock(fs, file, holder);
    try {
      lock.write(!stale); // a stale lock is overwritten; a new one must not exist (a run that came first)
    } catch (FileAlreadyExistsException e) {
      checkNotHeld(fs, file, root); // it came between our look and our write
      throw heldBy(root, "another fruits run");
    }
    lock.heartbeat.scheduleWithFixedDelay(lock::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    ShutdownHookManager.get().addShutdownHook(lock.release, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
    return lock;
  }

  /** Refuses when a live run holds the folder {@code root}: before {@code --overwrite} deletes it. */
  public static void checkNotHeld(Configuration conf, Path root) throws IOException {
    checkNotHeld(root.getFileSystem(conf), new Path(root, FILE), root);
  }

  /** Refuses while a live run holds {@code file}; true when a stale lock is there to take over. */
  private static boolean checkNotHeld(FileSystem fs, Path file, Path root) throws IOException {
    FileStatus status;
    try {
      status = fs.getFileStatus(file);
    } catch (java.io.FileNotFoundException e) {
      return false;
    }
    String holder = read(fs, file);
    long age = System.currentTimeMillis() - status.getModificationTime();
    if (age < STALE_SECONDS * 1000L && !goneFromThisHost(holder)) {
      throw heldBy(root, holder.isEmpty() ? "another fruits run" : "another fruits run (" + holder + ")");
    }
    return true;
  }

  private static IllegalArgumentException heldBy(Path root, String who) {
    return new IllegalArgumentException("output " + root + " is being written by " + who + "; wait for it to end or give another --output"
        + " (a run stopped without a trace frees it within " + STALE_SECONDS + " s)");
  }

  /** A holder of this host whose process is gone: it was killed, its lock is stale now. */
  private static boolean goneFromThisHost(String holder) {
    String[] words = holder.split(" ");
    if (words.length < 4 || !words[0].equals("pid") || !words[3].equals(host())) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(words[1])).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  private static String read(FileSystem fs, Path file) throws IOException {
    try (var in = fs.open(file)) {
      return new String(in.readNBytes(1024), StandardCharsets.UTF_8).strip();
    } catch (java.io.FileNotFoundException e) {
      return "";
    }
  }

  private void write(boolean mustBeNew) throws IOException {
    try (FSDataOutputStream out = fs.create(file, !mustBeNew)) {
      out.write((holder + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Rewrites the lock, which sets its time on every filesystem (S3 has no way to touch a file). */
  private void beat() {
    try {
      if (read(fs, file).equals(holder)) {
        write(false);
      }
    } catch (IOException e) {
      // The next beat tries again; a lock that stays stale is taken over, which the writes would show.
    }
  }

  private synchronized void release() {
    heartbeat.shutdownNow();
    try {
      if (read(fs, file).equals(holder)) {
        fs.delete(file, false);
      }
    } catch (IOException e) {
      // Gone with the filesystem: it goes stale within STALE_SECONDS.
    }
  }

  @Override
  public void close() {
    release();
    if (!ShutdownHookManager.get().isShutdownInProgress()) { // a run that ends while Ctrl-C stops the JVM
      ShutdownHookManager.get().removeShutdownHook(release);
    }
  }
}
