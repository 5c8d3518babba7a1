package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An update stopped while it replaced the run's folders is finished, step by step, by the next run. */
class RunUpdateTest {
  @TempDir Path tmp;

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aStoppedCommitIsFinished() throws Exception {
    Path run = tmp.resolve("run");
    write(run.resolve("packed/manifest.csv"), "old");
    write(run.resolve("stats/part-r-00000"), "old");
    write(run.resolve("pca/model.txt"), "old");
    write(run.resolve("pca.csv"), "old");
    write(run.resolve("reports/timings.json"), "kept");
    // Stopped after the features moved, before the pack did.
    write(run.resolve("features/part-m-00000"), "new");
    write(run.resolve("update/packed/manifest.csv"), "new");
    write(run.resolve("update/_COMMITTING"), "");
    RunUpdate update = new RunUpdate(new Configuration(), new RunLayout(new org.apache.hadoop.fs.Path(run.toUri())));
    assertTrue(update.committing());
    update.finishCommit();
    assertFalse(update.committing());
    assertEquals("new", Files.readString(run.resolve("packed/manifest.csv")));
    assertEquals("new", Files.readString(run.resolve("features/part-m-00000")));
    assertEquals("kept", Files.readString(run.resolve("reports/timings.json")));
    for (String gone : new String[] {"stats", "pca", "pca.csv", "update"}) {
      assertFalse(Files.exists(run.resolve(gone)), gone + " is derived from the old vectors and must be recomputed");
    }
  }
}
