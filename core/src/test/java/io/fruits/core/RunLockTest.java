package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
  @TempDir Path tmp;
  final Configuration conf = new Configuration();

  private org.apache.hadoop.fs.Path root() {
    return new org.apache.hadoop.fs.Path(tmp.toUri());
  }

  @Test
  void oneWriterAtATimeAndTheLockGoesWithIt() throws Exception {
    try (RunLock held = RunLock.take(conf, root())) {
      assertTrue(Files.readString(tmp.resolve(RunLock.FILE)).startsWith("pid " + ProcessHandle.current().pid() + " on "));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLock.take(conf, root()));
      assertTrue(e.getMessage().startsWith("output " + root() + " is being written by another fruits run (pid "), e.getMessage());
      assertTrue(e.getMessage().endsWith("; wait for it to end or give another --output (a run stopped without a trace frees it within 60 s)"));
      assertThrows(IllegalArgumentException.class, () -> RunLock.checkNotHeld(conf, root()));
    }
    assertFalse(Files.exists(tmp.resolve(RunLock.FILE)), "released");
    assertDoesNotThrow(() -> RunLock.checkNotHeld(conf, root()));
    RunLock.take(conf, root()).close();
  }

  @Test
  void aLockNotRewrittenForAMinuteIsTakenOver() throws Exception {
    Path file = Files.writeString(tmp.resolve(RunLock.FILE), "pid 4242 on another-host since 2026-11-29T10:00:00Z, lock 1a2b3c4d\n");
    assertThrows(IllegalArgumentException.class, () -> RunLock.checkNotHeld(conf, root()), "fresh, from another host: held");
    FileSystem.getLocal(conf).setTimes(new org.apache.hadoop.fs.Path(file.toUri()), System.currentTimeMillis() - 61_000, -1);
    try (RunLock taken = RunLock.take(conf, root())) {
      assertTrue(Files.readString(file).startsWith("pid " + ProcessHandle.current().pid()), "taken over");
    }
  }

  @Test
  void aLockOfAProcessOfThisHostThatIsGoneIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String host = java.net.InetAddress.getLocalHost().getHostName();
    Files.writeString(tmp.resolve(RunLock.FILE), "pid " + gone.pid() + " on " + host + " since 2026-11-29T10:00:00Z, lock 1a2b3c4d\n");
    RunLock.take(conf, root()).close();
    Files.writeString(tmp.resolve(RunLock.FILE), "pid " + ProcessHandle.current().pid() + " on " + host + " since 2026-11-29T10:00:00Z, lock 1a2b3c4d\n");
    assertThrows(IllegalArgumentException.class, () -> RunLock.take(conf, root()), "a live process of this host holds it");
  }
}
