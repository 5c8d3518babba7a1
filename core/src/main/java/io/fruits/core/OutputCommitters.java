package io.fruits.core;

import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;

/**
 * Chooses an output committer that is safe on S3. Hadoop's default for {@code s3a://} is the
 * classic rename-based committer ({@code fs.s3a.committer.name=file}): on S3 a rename is a copy, so
 * a reader can see partial output and a failed job can leave some of it behind. Unless the user
 * picked a committer, the S3A "directory" staging committer is used: tasks write to local disk and
 * the job commit completes multipart uploads, so nothing is visible before the commit. Other
 * filesystems are unaffected.
 */
public final class OutputCommitters {
  static final String S3A_COMMITTER = "fs.s3a.committer.name";
  static final String DEFAULT_S3A_COMMITTER = "directory";

  private OutputCommitters() {}

  public static void configure(Configuration conf) {
    String[] sources = conf.getPropertySources(S3A_COMMITTER);
    boolean fromDefaults = sources == null || Arrays.stream(sources).allMatch(s -> s.endsWith("-default.xml"));
    if (fromDefaults) {
      conf.set(S3A_COMMITTER, DEFAULT_S3A_COMMITTER);
    }
  }
}
