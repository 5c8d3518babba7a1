package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Where the local runner stages jobs: per user, unless told otherwise; YARN's setting untouched. */
class JobRunnerTest {
  @Test
  void localJobsAreStagedInTheUsersOwnHadoopTmpDir() {
    Configuration conf = new Configuration();
    JobRunner.stageLocalJobsPerUser(conf);
    assertEquals("/tmp/hadoop-" + System.getProperty("user.name") + "/mapred/staging", conf.get(JobRunner.STAGING_ROOT));

    Configuration told = new Configuration();
    told.set(JobRunner.STAGING_ROOT, "/data/staging");
    JobRunner.stageLocalJobsPerUser(told);
    assertEquals("/data/staging", told.get(JobRunner.STAGING_ROOT));

    Configuration yarn = new Configuration();
    yarn.set("mapreduce.framework.name", "yarn");
    JobRunner.stageLocalJobsPerUser(yarn);
    assertNull(yarn.getRaw(JobRunner.STAGING_ROOT));
  }
}
