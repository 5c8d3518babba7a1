package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the check refuses is what Hadoop's glob cannot read back, and what it lets pass, it can. */
class ColonFreePathTest {
  @TempDir java.nio.file.Path tmp;

  @Test
  void aFolderWithAColonInItsNameIsRefusedAsHadoopsGlobFailsOnIt() throws Exception {
    FileSystem local = FileSystem.getLocal(new Configuration());
    java.nio.file.Path colon = Files.createDirectories(tmp.resolve("run:2"));
    Files.createFile(colon.resolve("part-0"));
    assertThrows(IllegalArgumentException.class, () -> local.globStatus(new Path(colon.toString(), "part-*")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColonFreePath.check("--output", colon.toString()));
    assertTrue(e.getMessage().startsWith("--output " + colon + ": Hadoop cannot read a run back"), e.getMessage());
    java.nio.file.Path plain = Files.createDirectories(tmp.resolve("run-2"));
    Files.createFile(plain.resolve("part-0"));
    assertEquals(1, local.globStatus(new Path(plain.toString(), "part-*")).length);
    assertEquals(plain.toString(), ColonFreePath.check("--output", plain.toString()));
  }

  @Test
  void schemesAndAuthoritiesAreNotNames() {
    for (String fine : new String[] {"runs/a", "file:/tmp/x", "file:///tmp/x", "hdfs://nn:8020/runs/a", "s3a://bucket/run", "hdfs:/runs/a"}) {
      assertEquals(fine, ColonFreePath.check("--output", fine));
    }
    for (String bad : new String[] {"run:2", "hdfs://nn:8020/a:b/run", "s3a://bucket/x:y", "file:/tmp/a:b"}) {
      assertThrows(IllegalArgumentException.class, () -> ColonFreePath.check("--output", bad), bad);
    }
  }
}
