package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
  @TempDir Path tmp;
  final Configuration conf = new Configuration();

  /** Hadoop's code path, as on HDFS or S3, here on the local filesystem. */
  private LockFile hadoop() throws Exception {
    return new HadoopLockFile(org.apache.hadoop.fs.FileSystem.getLocal(conf), new org.apache.hadoop.fs.Path(tmp.toUri()));
  }

  private LockFile local() {
    return LocalLockFile.of(tmp);
  }

  private void age(int seconds) throws Exception {
    Files.setLastModifiedTime(tmp.resolve(RunLock.FILE), FileTime.fromMillis(System.currentTimeMillis() - seconds * 1000L));
  }

  @Test
  void oneWriterAtATimeAndTheLockGoesWithIt() throws Exception {
    try (RunLock held = RunLock.take(hadoop(), "fruits run")) {
      assertTrue(Files.readString(tmp.resolve(RunLock.FILE)).startsWith("fruits run (pid " + ProcessHandle.current().pid() + " on "));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLock.take(hadoop(), "fruits run"));
      assertTrue(e.getMessage().startsWith("run folder " + hadoop().folder() + " is being written by fruits run (pid "), e.getMessage());
      assertTrue(e.getMessage().endsWith("; wait for it to end or use another folder (one stopped without a trace frees it within 60 s)"));
      assertThrows(IllegalArgumentException.class, () -> RunLock.checkNotHeld(hadoop()));
    }
    assertFalse(Files.exists(tmp.resolve(RunLock.FILE)), "released");
    assertDoesNotThrow(() -> RunLock.checkNotHeld(hadoop()));
    RunLock.take(hadoop(), "fruits run").close();
  }

  @Test
  void aLockNotRewrittenForAMinuteIsTakenOver() throws Exception {
    Path file = Files.writeString(tmp.resolve(RunLock.FILE), "fruits run (pid 4242 on another-host since 2026-11-29T10:00:00Z, lock 1a2b3c4d)\n");
    assertThrows(IllegalArgumentException.class, () -> RunLock.checkNotHeld(hadoop()), "fresh, from another host: held");
    age(61);
    try (RunLock taken = RunLock.take(hadoop(), "fruits run")) {
      assertTrue(Files.readString(file).startsWith("fruits run (pid " + ProcessHandle.current().pid()), "taken over");
    }
  }

  @Test
  void aLockOfAProcessOfThisHostThatIsGoneIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(tmp.resolve(RunLock.FILE), holder(gone.pid(), java.time.Instant.now()));
    RunLock.take(hadoop(), "fruits run").close();
    Files.writeString(tmp.resolve(RunLock.FILE), holder(ProcessHandle.current().pid(), java.time.Instant.now()));
    assertThrows(IllegalArgumentException.class, () -> RunLock.take(hadoop(), "fruits run"), "a live process of this host holds it");
  }

  /** A run stopped with Ctrl-Z writes nothing; taken over, it would write beside the new writer once resumed. */
  @Test
  void aLiveProcessOfThisHostKeepsItsLockHoweverLongItIsSilent() throws Exception {
    Process stopped = new ProcessBuilder("sleep", "60").start();
    try {
      Files.writeString(tmp.resolve(RunLock.FILE), holder(stopped.pid(), java.time.Instant.now()));
      age(3600);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLock.take(local(), "fruits run"));
      assertTrue(e.getMessage().contains("is alive on this host but has not rewritten its lock for 3600 s (stopped with Ctrl-Z, or hung);"
          + " resume it (fg) or end it (kill " + stopped.pid() + "), then try again"), e.getMessage());
    } finally {
      stopped.destroy();
      stopped.waitFor();
    }
    RunLock.take(local(), "fruits run").close(); // ended: taken over at once
  }

  /** A pid is given again once its process ended: a process younger than the lock is not its writer. */
  @Test
  void aProcessThatGotTheWritersPidDoesNotHoldTheLock() throws Exception {
    Files.writeString(tmp.resolve(RunLock.FILE), holder(ProcessHandle.current().pid(), java.time.Instant.parse("2020-01-01T00:00:00Z")));
    RunLock.take(local(), "fruits run").close();
  }

  private static String holder(long pid, java.time.Instant since) throws Exception {
    return "fruits run (pid " + pid + " on " + java.net.InetAddress.getLocalHost().getHostName() + " since "
        + since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", lock 1a2b3c4d)\n";
  }

  /** A run into a local folder gets the lock whose creation is atomic. */
  @Test
  void aLocalFolderGetsTheJavaNioLock() throws Exception {
    assertTrue(HadoopLockFile.of(conf, new org.apache.hadoop.fs.Path(tmp.toUri())) instanceof LocalLockFile);
    assertTrue(HadoopLockFile.of(conf, new org.apache.hadoop.fs.Path(tmp.toString())) instanceof LocalLockFile);
  }

  /** Writers that start at the same moment: exactly one of them takes the lock, every time. */
  @Test
  void ofWritersStartedTogetherOneTakesTheLock() throws Exception {
    assertEquals(java.util.Collections.nCopies(20, 1), takenTogether(20, this::local));
  }

  /**
   * Where creating a lock is a look then a write (S3A; Hadoop's local filesystem stands in for it):
   * all 8 writers took the lock before each read it again after a pause.
   */
  @Test
  void ofWritersStartedTogetherWhereCreatingIsNotAtomicOneTakesTheLock() throws Exception {
    assertFalse(hadoop().createIsAtomic());
    assertEquals(java.util.Collections.nCopies(2, 1), takenTogether(2, this::hadoop));
  }

  /** A run died; two find its lock stale at the same moment: both overwrote it and went on, before. */
  @Test
  void ofWritersThatFindTheSameStaleLockOneTakesIt() throws Exception {
    java.util.List<Integer> taken = new java.util.ArrayList<>();
    for (int round = 0; round < 3; round++) {
      Files.writeString(tmp.resolve(RunLock.FILE), "fruits run (pid 4242 on another-host since 2026-11-29T10:00:00Z, lock 1a2b3c4d)\n");
      age(61);
      taken.addAll(takenTogether(1, this::local));
    }
    assertEquals(java.util.List.of(1, 1, 1), taken);
  }

  private interface Lock {
    LockFile get() throws Exception;
  }

  /** How many of 8 writers started together took the lock, in each of {@code rounds} rounds. */
  private java.util.List<Integer> takenTogether(int rounds, Lock lock) throws Exception {
    java.util.List<Integer> counts = new java.util.ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      java.util.List<java.util.concurrent.Future<RunLock>> takes = new java.util.ArrayList<>();
      java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(8);
      for (int i = 0; i < 8; i++) {
        takes.add(writers.submit(() -> {
          LockFile file = lock.get();
          go.await();
          try {
            return RunLock.take(file, "fruits run");
          } catch (IllegalArgumentException refused) {
            return null;
          }
        }));
      }
      go.countDown();
      java.util.List<RunLock> taken = new java.util.ArrayList<>();
      for (var take : takes) { // all of them tried before any lock is released
        if (take.get() != null) {
          taken.add(take.get());
        }
      }
      writers.shutdown();
      taken.forEach(RunLock::close);
      counts.add(taken.size());
    }
    return counts;
  }

  /** HDFS and S3 runs lock through Hadoop, classify and evaluate through java.nio: each must see the other's lock. */
  @Test
  void theLocalAndTheHadoopLockAreOneLock() throws Exception {
    try (RunLock run = RunLock.take(hadoop(), "fruits run")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLock.take(local(), "fruits classify"));
      assertTrue(e.getMessage().contains(" is being written by fruits run (pid "), e.getMessage());
    }
    assertFalse(Files.exists(tmp.resolve("." + RunLock.FILE + ".crc")), "Hadoop's checksum went with its lock");
    // A run of another host killed without a trace: its lock and Hadoop's .crc of it stay.
    try (var out = org.apache.hadoop.fs.FileSystem.getLocal(conf).create(new org.apache.hadoop.fs.Path(tmp.resolve(RunLock.FILE).toUri()))) {
      out.write("fruits run (pid 4242 on another-host since 2026-11-29T10:00:00Z, lock 1a2b3c4d)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertTrue(Files.exists(tmp.resolve("." + RunLock.FILE + ".crc")));
    age(61);
    try (RunLock classify = RunLock.take(local(), "fruits classify")) {
      // Hadoop reads the lock the local one rewrote without a checksum error.
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLock.checkNotHeld(hadoop()));
      assertTrue(e.getMessage().contains(" is being written by fruits classify (pid "), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> RunLock.take(local(), "fruits evaluate"), "a second local writer");
    }
    assertEquals(java.util.List.of(), listing(), "nothing left");
  }

  private java.util.List<String> listing() throws Exception {
    try (var files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
