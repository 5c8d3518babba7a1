package io.fruits.mapreduce;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.mapreduce.MRConfig;

/**
 * The local runner's working folders for one job ({@link JobRunner}), in a folder of its own under
 * {@code hadoop.tmp.dir} that is removed when the job ends, failed or not. Left to Hadoop's
 * defaults, every job leaves an empty staging folder and an empty {@code localRunner/USER/job_local...}
 * folder in {@code /tmp/hadoop-USER} (six for a run of one class), and they pile up (923 staging
 * folders were found on this machine). The folder holds only what this job put there, so removing
 * it deletes nothing of anyone else's. On YARN, or when either setting is given, nothing changes:
 * those folders are then the cluster's or the user's.
 */
final class LocalJobScratch implements AutoCloseable {
  static final String LOCAL_DIR = MRConfig.LOCAL_DIR;
  private final File dir; // null: nothing claimed

  private LocalJobScratch(File dir) {
    this.dir = dir;
  }

  /** Points the local runner's staging and local folders of {@code conf} at a new folder, unless set or on YARN. */
  static LocalJobScratch claim(Configuration conf) throws IOException {
    if (!JobRunner.isLocalRunner(conf) || conf.get(JobRunner.STAGING_ROOT) != null || !isDefault(conf, LOCAL_DIR)) {
      return new LocalJobScratch(null);
    }
    Path parent = Files.createDirectories(Path.of(conf.get("hadoop.tmp.dir")));
    Path dir = Files.createTempDirectory(parent, "fruits-job-");
    conf.set(JobRunner.STAGING_ROOT, dir.resolve("staging").toString());
    conf.set(LOCAL_DIR, dir.resolve("local").toString());
    return new LocalJobScratch(dir.toFile());
  }

  /** Unset, or set only by Hadoop's own {@code *-default.xml}. */
  private static boolean isDefault(Configuration conf, String key) {
    if (conf.get(key) == null) {
      return true;
    }
    String[] sources = conf.getPropertySources(key);
    if (sources == null) {
      return false;
    }
    for (String source : sources) {
      if (!source.endsWith("-default.xml")) {
        return false;
      }
    }
    return true;
  }

  /** The folder claimed, or null. */
  File dir() {
    return dir;
  }

  @Override
  public void close() {
    if (dir != null) {
      FileUtil.fullyDelete(dir);
    }
  }
}
