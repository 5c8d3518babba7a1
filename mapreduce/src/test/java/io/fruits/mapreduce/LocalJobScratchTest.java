package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runner's folders of one run: in a folder of their own, removed at the end; given settings and YARN untouched. */
class LocalJobScratchTest {
  @TempDir Path tmp;

  @Test
  void aLocalRunGetsAFolderUnderHadoopTmpDirThatGoesAtTheEnd() throws Exception {
    Configuration conf = new Configuration();
    conf.set("hadoop.tmp.dir", tmp.toString());
    Path dir;
    try (LocalJobScratch scratch = LocalJobScratch.claim(conf)) {
      dir = scratch.dir().toPath();
      assertEquals(tmp, dir.getParent());
      assertEquals(dir.resolve("staging").toString(), conf.get(JobRunner.STAGING_ROOT));
      assertEquals(dir.resolve("local").toString(), conf.get(LocalJobScratch.LOCAL_DIR));
      Files.createDirectories(dir.resolve("local/localRunner/me/job_local1_0001"));
      Files.writeString(Files.createDirectories(dir.resolve("staging/me1/.staging")).resolve("job.xml"), "left by a job");
    }
    assertFalse(Files.exists(dir));
    assertTrue(Files.isDirectory(tmp), "hadoop.tmp.dir itself stays");
  }

  @Test
  void givenFoldersAndYarnAreLeftAlone() throws Exception {
    Configuration told = new Configuration();
    told.set("hadoop.tmp.dir", tmp.toString());
    told.set(LocalJobScratch.LOCAL_DIR, "/data/local");
    try (LocalJobScratch scratch = LocalJobScratch.claim(told)) {
      assertNull(scratch.dir());
      assertEquals("/data/local", told.get(LocalJobScratch.LOCAL_DIR));
      assertNull(told.get(JobRunner.STAGING_ROOT));
    }
    Configuration staged = new Configuration();
    staged.set(JobRunner.STAGING_ROOT, "/data/staging");
    try (LocalJobScratch scratch = LocalJobScratch.claim(staged)) {
      assertNull(scratch.dir());
    }
    Configuration yarn = new Configuration();
    yarn.set("mapreduce.framework.name", "yarn");
    yarn.set("hadoop.tmp.dir", tmp.toString());
    try (LocalJobScratch scratch = LocalJobScratch.claim(yarn)) {
      assertNull(scratch.dir());
      assertNull(yarn.getRaw(JobRunner.STAGING_ROOT));
    }
    try (var left = Files.list(tmp)) {
      assertEquals(0, left.count());
    }
  }
}
