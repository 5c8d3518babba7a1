package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputGuardTest {
  @TempDir Path tmp;
  private final Configuration conf = new Configuration();
  private final OutputGuard guard = OutputGuard.forRuns(conf);

  private static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  @Test
  void aFolderThatIsNotARunIsNeverDeleted() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(home.resolve("thesis.tex"), "years of work");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> guard.deleteForOverwrite(hadoop(home)));
    assertTrue(e.getMessage().contains("is not a run of fruits (no run.properties); nothing was deleted"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(Files.exists(home.resolve("thesis.tex")));
  }

  @Test
  void aRunOfOursIsDeletedAndAMissingFolderIsFine() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(run.resolve(RunLayout.SETTINGS), "input=x\n");
    assertTrue(guard.deleteForOverwrite(hadoop(run)));
    assertFalse(Files.exists(run));
    assertFalse(guard.deleteForOverwrite(hadoop(run)));
  }

  @Test
  void anOutputThatHoldsOrIsInsideTheInputIsRefused() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("photos/in"));
    for (Path output : new Path[] {tmp, tmp.resolve("photos"), input, input.resolve("out")}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> guard.checkApart(hadoop(output), hadoop(input)));
      assertTrue(e.getMessage().contains("the input"), e.getMessage());
    }
    guard.checkApart(hadoop(tmp.resolve("photos/in-out")), hadoop(input)); // a sibling sharing a prefix is fine
  }

  @Test
  void anOutputThatCannotBeCreatedIsRefusedInOneLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "a file, not a folder");
    for (Path output : new Path[] {file, file.resolve("run")}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> guard.create(hadoop(output)));
      assertEquals("output " + hadoop(output) + " cannot be created (no write permission, or a file in its way);"
          + " give --output a folder you may write", e.getMessage());
    }
    assertEquals("a file, not a folder", Files.readString(file));
    guard.create(hadoop(tmp.resolve("new/run")));
    guard.create(hadoop(tmp.resolve("new/run"))); // an existing folder is fine
    assertTrue(Files.isDirectory(tmp.resolve("new/run")));
  }

  @Test
  void writingIntoAFullFolderThatIsNotOursIsRefused() throws Exception {
    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("a.txt"), "a");
    assertThrows(IllegalArgumentException.class, () -> guard.checkWritable(hadoop(full)));
    guard.checkWritable(hadoop(Files.createDirectories(tmp.resolve("empty"))));
    guard.checkWritable(hadoop(tmp.resolve("new")));
    assertEquals("a", Files.readString(full.resolve("a.txt")));
  }

  @Test
  void aClaimedFolderIsMarkedAndEmptiedOnlyWhenOurs() throws Exception {
    OutputGuard bench = new OutputGuard(conf, "bench.properties", "a bench folder");
    Path input = Files.createDirectories(tmp.resolve("in"));
    Path out = tmp.resolve("bench");
    bench.claim(hadoop(out), hadoop(input), true);
    assertEquals("# a bench folder: its tool may delete and rewrite what is in it\n", Files.readString(out.resolve("bench.properties")));
    Files.writeString(out.resolve("old.csv"), "from the last bench");
    bench.claim(hadoop(out), hadoop(input), false);
    assertTrue(Files.exists(out.resolve("old.csv")), "kept without emptying");
    bench.claim(hadoop(out), hadoop(input), true);
    assertFalse(Files.exists(out.resolve("old.csv")), "gone when emptied");
    Path theirs = Files.createDirectories(tmp.resolve("theirs"));
    Files.writeString(theirs.resolve("a.txt"), "a");
    assertThrows(IllegalArgumentException.class, () -> bench.claim(hadoop(theirs), hadoop(input), true));
    assertEquals("a", Files.readString(theirs.resolve("a.txt")));
    assertThrows(IllegalArgumentException.class, () -> bench.claim(hadoop(input.resolve("b")), hadoop(input), true));
  }
}
