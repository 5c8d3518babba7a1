package io.fruits.cluster;

import io.fruits.features.SharedData;
import io.fruits.mapreduce.UpdateScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --update} with input and run on HDFS (the jobs on the local runner: what is under test is
 * the join with the earlier run and the replacement of its folders on a distributed filesystem,
 * where renames are the NameNode's).
 */
class UpdateOnHdfsIT {
  @TempDir Path tmp;

  @Test
  void anUpdatedRunOnHdfsIsAFreshRunByteForByte() throws Exception {
    SharedData.require();
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      Configuration client = new Configuration(conf);
      client.set("fs.defaultFS", dfs.getFileSystem().getUri().toString());
      client.set("model.dir", SharedData.models().toString());
      new UpdateScenario(client, new org.apache.hadoop.fs.Path(dfs.getFileSystem().getUri().toString() + "/photos"),
          Files.createDirectories(tmp.resolve("local"))).run();
    } finally {
      dfs.shutdown();
    }
  }
}
