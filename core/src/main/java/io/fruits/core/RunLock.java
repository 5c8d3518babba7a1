package io.fruits.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One writer per run folder. Two runs into one {@code --output} (a second terminal, a cron job
 * that overlapped) collided: the second took the first's folder for an unfinished run to resume
 * and one of them failed in a task with a stack trace, and {@code --overwrite} deleted a folder
 * another run was writing; {@code fruits classify} and {@code fruits evaluate} write into a
 * finished run, and one of them beside another, or beside {@code fruits run --update}, would mix
 * the files of two classifiers. A writer holds {@value #FILE} in the folder (the underscore keeps
 * Hadoop's listings off it) and rewrites it every {@value #HEARTBEAT_SECONDS} s; a lock not
 * rewritten for {@value #STALE_SECONDS} s by a writer of another host, or held by a process of this
 * host that is gone, is stale and taken over; a live process of this host keeps it however long it
 * is silent (stopped with Ctrl-Z, it would write beside the one that took over once resumed). Where
 * two writers can both write it (a stale lock; creating on S3) each reads it again after a pause. It
 * is removed at the end, on failure and on Ctrl-C. Hadoop-free: where the file lives is a
 * {@link LockFile}.
 */
public final class RunLock implements AutoCloseable {
  public static final String FILE = "_writer.lock";
  static final int HEARTBEAT_SECONDS = 10;
  static final int STALE_SECONDS = 60;
  /** How long a writer that overwrote a lock waits for another's write begun at the same moment: milliseconds apart, with room for a pause. */
  static final long SETTLE_MILLIS = 2000;
  private static final java.time.Duration PID_AGAIN_MARGIN = java.time.Duration.ofMinutes(10);
  private static final Pattern PROCESS = Pattern.compile("pid (\\d+) on (\\S+) since ([^,]+),");

  private final LockFile file;
  private final String holder;
  private final ScheduledExecutorService heartbeat;
  private final Runnable release = this::release;

  private RunLock(LockFile file, String holder) {
    this.file = file;
    this.holder = holder;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fruits-run-lock");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Takes the lock of a run folder, which exists, for {@code program} (named to whoever is refused);
   * refuses in one line while another writer holds it.
   */
  public static RunLock take(LockFile file, String program) throws IOException {
    boolean stale = refuseIfHeld(file);
    String holder = String.format(Locale.ROOT, "%s (pid %d on %s since %s, lock %s)", program, ProcessHandle.current().pid(), host(),
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), UUID.randomUUID().toString().substring(0, 8));
    RunLock lock = new RunLock(file, holder);
    boolean taken = false;
    try {
      lock.write(!stale); // a stale lock is overwritten; a new one must not exist (a writer that came first)
      if (stale || !file.createIsAtomic()) {
        lock.confirm();
      }
      taken = true;
    } catch (FileAlreadyExistsException e) {
      refuseIfHeld(file); // it came between our look and our write
      throw heldBy(file, "");
    } finally {
      if (!taken) {
        lock.release(); // removes the lock only if it is still ours
      }
    }
    lock.heartbeat.scheduleWithFixedDelay(lock::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    file.releaseOnExit(lock.release);
    return lock;
  }

  /** Refuses when a live writer holds the folder: before {@code --overwrite} deletes it. */
  public static void checkNotHeld(LockFile file) throws IOException {
    refuseIfHeld(file);
  }

  /** Refuses while a live writer holds the folder; true when a stale lock is there to take over. */
  private static boolean refuseIfHeld(LockFile file) throws IOException {
    long modified = file.modified();
    if (modified < 0) {
      return false;
    }
    String holder = file.read();
    long silent = System.currentTimeMillis() - modified;
    Writer writer = writerOf(holder);
    if (writer == Writer.GONE) {
      return true;
    }
    if (silent < STALE_SECONDS * 1000L) {
      throw heldBy(file, holder);
    }
    if (writer == Writer.ALIVE_HERE) { // stopped with Ctrl-Z, or hung: taken over, it would write beside us once resumed
      throw new IllegalArgumentException("run folder " + file.folder() + " is held by " + holder + ", which is alive on this host but has"
          + " not rewritten its lock for " + silent / 1000 + " s (stopped with Ctrl-Z, or hung); resume it (fg) or end it (kill "
          + pidOf(holder) + "), then try again");
    }
    return true;
  }

  private static IllegalArgumentException heldBy(LockFile file, String holder) {
    return new IllegalArgumentException("run folder " + file.folder() + " is being written by " + (holder.isEmpty() ? "another fruits program" : holder)
        + "; wait for it to end or use another folder (one stopped without a trace frees it within " + STALE_SECONDS + " s)");
  }

  /** What this host can tell of a lock's writer; of another host's, only the lock's age tells. */
  private enum Writer { ALIVE_HERE, GONE, ELSEWHERE }

  private static Writer writerOf(String holder) {
    Matcher m = PROCESS.matcher(holder);
    if (!m.find() || !m.group(2).equals(host())) {
      return Writer.ELSEWHERE;
    }
    Optional<ProcessHandle> process;
    Instant since;
    try {
      process = ProcessHandle.of(Long.parseLong(m.group(1))).filter(ProcessHandle::isAlive);
      since = Instant.parse(m.group(3));
    } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
      return Writer.ELSEWHERE;
    }
    // A process that started after the lock was taken has only the writer's pid, given again by the system. The
    // margin is wide: a start time read back through the wall clock moves when the clock is set (NTP), and a live
    // writer taken for gone would get a second writer beside it; a pid given again within minutes is rare.
    boolean same = process.isPresent()
        && process.get().info().startInstant().map(start -> !start.isAfter(since.plus(PID_AGAIN_MARGIN))).orElse(true);
    return same ? Writer.ALIVE_HERE : Writer.GONE;
  }

  private static String pidOf(String holder) {
    Matcher m = PROCESS.matcher(holder);
    return m.find() ? m.group(1) : "?";
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  /** The first line of a lock file's content, read no further than a holder's line can be. */
  static String firstLine(java.io.InputStream in) throws IOException {
    return new String(in.readNBytes(1024), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
  }

  private void write(boolean mustBeNew) throws IOException {
    file.write(holder + "\n", mustBeNew);
  }

  /**
   * Two writers that found the same stale lock both overwrite it, as do two that create one at once
   * where creating is a check then a write (S3): the last write stays. Each reads the lock again
   * once every write begun with its own has landed, and the one that finds another's steps back
   * before it has written anything of the run.
   */
  private void confirm() throws IOException {
    try {
      Thread.sleep(SETTLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while taking the lock of " + file.folder());
    }
    String now = file.read();
    if (!now.equals(holder)) {
      throw heldBy(file, now);
    }
  }

  /** Rewrites the lock, which sets its time on every filesystem. */
  private void beat() {
    try {
      if (file.read().equals(holder)) {
        write(false);
      }
    } catch (IOException e) {
      // The next beat tries again; a lock that stays stale is taken over, which the writes would show.
    }
  }

  private synchronized void release() {
    heartbeat.shutdownNow();
    try {
      if (file.read().equals(holder)) {
        file.delete();
      }
    } catch (IOException e) {
      // Gone with the filesystem: it goes stale within STALE_SECONDS.
    }
  }

  @Override
  public void close() {
    release();
    file.keepOnExit(release);
  }
}
