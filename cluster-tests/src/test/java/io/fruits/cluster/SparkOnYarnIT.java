package io.fruits.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import io.fruits.mapreduce.PipelineRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark edition as a cluster runs it: {@code spark-submit --master yarn} (Spark's own
 * {@code SparkSubmit}, in a JVM of its own, with only Spark's jars and the application jar) against
 * the in-process mini YARN cluster and HDFS, in client and cluster deploy mode. Executors run in
 * YARN containers and get the model through {@code SparkContext.addFile}; the features must be
 * byte for byte the embedded MapReduce run's, the PCA the same within 1e-6, signs included (it
 * was not, on 2026-11-29, when the edition still used Spark ML's PCA: see {@code SparkPca}).
 */
class SparkOnYarnIT {
  @TempDir static Path tmp;
  static MiniHadoop cluster;
  static Path conf;
  static Path input;
  static Path embedded;

  @BeforeAll
  static void startCluster() throws Exception {
    SharedData.require();
    Assumptions.assumeTrue(Files.isRegularFile(SparkJarOnHdfsIT.sparkJar()), "SKIPPED: needs the Spark jar (mvn package)");
    Configuration c = new Configuration();
    c.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
    // Spark's application master asks for its memory plus 384 MB overhead, over the 10% of the
    // node the capacity scheduler gives application masters by default: it would wait for ever.
    c.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
    // The application master and both executors, 2 GB each once YARN rounds 1 GB + 384 MB up
    // (on the mini cluster's default 4 GB node the second executor never started).
    c.setInt("yarn.minicluster.yarn.nodemanager.resource.memory-mb", 6144); // the mini cluster's own key
    c.setInt("yarn.nodemanager.resource.memory-mb", 6144);
    cluster = MiniHadoop.start(tmp, "fruits-spark", c);
    conf = cluster.writeClientConf(tmp.resolve("hadoop-conf"));
    input = tmp.resolve("in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Training"), input.resolve("Training"), 5, 6);
    ImageTrees.copySubset(SharedData.fruits().resolve("Test"), input.resolve("Test"), 5, 2);
    Files.writeString(input.resolve("Training/Apple 6/notes.jpg"), "not a picture");
    FileSystem hdfs = cluster.dfs.getFileSystem();
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(input.toUri()), new org.apache.hadoop.fs.Path("/data/in"));
    Configuration local = new Configuration();
    local.set("model.dir", SharedData.models().toString());
    local.setInt("pca.k", 4);
    embedded = tmp.resolve("embedded");
    PipelineRun r = PipelineRun.of(local, "--input", input.toString(), "--output", embedded.toString(), "--model", "squeezenet1.1");
    assertEquals(0, r.exitCode, r.stderr);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void clientModeOnYarnGivesTheEmbeddedRunsFeatures() throws Exception {
    submit("client", "/runs/client");
  }

  @Test
  void clusterModeOnYarnGivesTheEmbeddedRunsFeatures() throws Exception {
    submit("cluster", "/runs/cluster");
  }

  private void submit(String deployMode, String run) throws Exception {
    String root = cluster.dfs.getFileSystem().getUri().toString();
    Path log = tmp.resolve("spark-submit-" + deployMode + ".log");
    SparkSubmitCommand submit = new SparkSubmitCommand("yarn", deployMode, conf).onYarn(deployMode)
        .option("--num-executors", "2").option("--executor-cores", "1").option("--executor-memory", "1g").option("--driver-memory", "1g");
    int code = submit.run(log, "--input", root + "/data/in", "--output", root + run, "--model", "squeezenet1.1",
        "-D", "model.dir=" + SharedData.models(), "-D", "pca.k=4");
    assertEquals(0, code, () -> SparkJarOnHdfsIT.tail(log));
    ApplicationReport app = cluster.lastApplicationFinished();
    assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(), app.toString());
    assertTrue(app.getApplicationType().equals("SPARK"), app.getApplicationType());
    FileSystem hdfs = cluster.dfs.getFileSystem();
    for (String csv : List.of("features.csv", "rejects.csv")) {
      assertArrayEquals(Files.readAllBytes(embedded.resolve(csv)), read(hdfs, run + "/" + csv), csv);
    }
    assertSameProjection(ImageTrees.rows(embedded.resolve("pca.csv")), rows(hdfs, run + "/pca.csv"));
  }

  /** Rows (no header) in the same order, ids and labels equal; each component within 1e-6, sign included. */
  private static void assertSameProjection(List<List<String>> expected, List<List<String>> actual) {
    assertEquals(expected.size(), actual.size());
    for (int r = 0; r < expected.size(); r++) {
      List<String> e = expected.get(r);
      List<String> a = actual.get(r);
      assertEquals(e.subList(0, 2), a.subList(0, 2));
      assertEquals(e.size(), a.size(), e.get(0));
      for (int c = 2; c < e.size(); c++) {
        assertEquals(Double.parseDouble(e.get(c)), Double.parseDouble(a.get(c)), 1e-6, e.get(0) + " column " + c);
      }
    }
  }

  private static byte[] read(FileSystem fs, String file) throws IOException {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(file))) {
      return in.readAllBytes();
    }
  }

  private static List<List<String>> rows(FileSystem fs, String file) throws IOException {
    Path copy = Files.createTempFile(tmp, "rows", ".csv");
    Files.write(copy, read(fs, file));
    return ImageTrees.rows(copy);
  }
}
