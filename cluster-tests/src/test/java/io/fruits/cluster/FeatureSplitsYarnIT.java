package io.fruits.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import io.fruits.mapreduce.PipelineRun;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code features.map.tasks=auto} on a cluster of two NodeManagers: the packed images are one
 * small SequenceFile (one block, so one split by default), yet the feature job's splits follow the
 * cluster's map slots and both nodes run feature map tasks. The output equals the local run's.
 */
class FeatureSplitsYarnIT {
  @TempDir static Path tmp;
  static MiniHadoop cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    SharedData.require();
    Configuration conf = new Configuration();
    conf.setInt("yarn.nodemanager.resource.memory-mb", 4096); // 4 map containers of 1 GB a node
    cluster = MiniHadoop.start(tmp, "fruits-splits", conf, 2);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void bothNodeManagersRunFeatureMapTasks() throws Exception {
    Path local = tmp.resolve("in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Training"), local, 6, 40);
    FileSystem hdfs = cluster.dfs.getFileSystem();
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), new org.apache.hadoop.fs.Path("/data/splits"));

    Configuration submit = new Configuration(cluster.yarn.getConfig());
    submit.set(MRJobConfig.JAR, HdfsYarnIT.jobJar().toString());
    submit.set("model.dir", SharedData.models().toString());
    submit.setInt(MRJobConfig.MAP_MEMORY_MB, 1024);
    submit.set(MRJobConfig.MAP_JAVA_OPTS, "-Xmx600m " + System.getProperty("hadoop.java17.opens", ""));
    submit.setInt(MRJobConfig.MR_AM_VMEM_MB, 1024);
    submit.set(MRJobConfig.MR_AM_COMMAND_OPTS, "-Xmx600m " + System.getProperty("hadoop.java17.opens", ""));
    // 240 images are about 1 MB packed; 64 KB compression blocks let splits be as small as 128 KB.
    submit.setInt("io.seqfile.compress.blocksize", 65_536);
    PipelineRun onYarn = PipelineRun.of(submit, "--input", "/data/splits", "--output", "/runs/splits", "--model", "squeezenet1.1");
    assertEquals(0, onYarn.exitCode, onYarn.stderr);
    assertTrue(onYarn.stderr.contains("map slot(s) x 3 waves"), onYarn.stderr);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) map task\\(s\\) on (\\d+) node\\(s\\)").matcher(onYarn.stderr);
    assertTrue(m.find(), onYarn.stderr);
    System.out.println("[FeatureSplitsYarnIT] " + m.group());
    assertTrue(Integer.parseInt(m.group(1)) >= 4, m.group());
    assertEquals("2", m.group(2), "both NodeManagers ran feature map tasks: " + m.group());

    cluster.assertSameAsEmbeddedRun("/runs/splits", local, tmp.resolve("embedded"), "squeezenet1.1");
  }
}
