package io.fruits.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import io.fruits.mapreduce.PipelineRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
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
 * byte for byte the embedded MapReduce run's, the PCA the same within 1e-6 up to sign.
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
    cluster = MiniHadoop.start(tmp, "fruits-spark", c);
    // spark-submit finds the cluster as on an edge node: HADOOP_CONF_DIR with core-site and yarn-site.
    conf = Files.createDirectories(tmp.resolve("hadoop-conf"));
    // Only what a client needs: the mini clusters' own settings name test-only classes
    // (StaticMapping) that Spark's shaded Hadoop client does not carry.
    Configuration running = cluster.yarn.getConfig();
    Configuration client = new Configuration(false);
    for (String key : List.of("fs.defaultFS", "yarn.resourcemanager.address", "yarn.resourcemanager.scheduler.address",
        "yarn.resourcemanager.webapp.address")) {
      client.set(key, running.get(key));
    }
    for (String file : List.of("core-site.xml", "yarn-site.xml")) {
      try (OutputStream out = Files.newOutputStream(conf.resolve(file))) {
        client.writeXml(out);
      }
    }
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
    ProcessBuilder pb = new ProcessBuilder(command(deployMode, root + "/data/in", root + run))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile());
    pb.environment().put("HADOOP_CONF_DIR", conf.toString());
    Process p = pb.start();
    assertEquals(0, p.waitFor(), () -> SparkJarOnHdfsIT.tail(log));
    ApplicationReport app = lastApplication();
    assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(), app.toString());
    assertTrue(app.getApplicationType().equals("SPARK"), app.getApplicationType());
    FileSystem hdfs = cluster.dfs.getFileSystem();
    for (String csv : List.of("features.csv", "rejects.csv")) {
      assertArrayEquals(Files.readAllBytes(embedded.resolve(csv)), read(hdfs, run + "/" + csv), csv);
    }
    assertSameUpToSign(ImageTrees.rows(embedded.resolve("pca.csv")), rows(hdfs, run + "/pca.csv"));
  }

  /** Rows in the same order with the same ids; each component equal within 1e-6, or equal negated. */
  private static void assertSameUpToSign(List<List<String>> expected, List<List<String>> actual) {
    assertEquals(expected.size(), actual.size());
    int k = expected.get(0).size() - 2;
    for (int c = 0; c < k; c++) {
      double sign = 0;
      for (int r = 0; r < expected.size(); r++) {
        assertEquals(expected.get(r).get(0), actual.get(r).get(0));
        double e = Double.parseDouble(expected.get(r).get(2 + c));
        double a = Double.parseDouble(actual.get(r).get(2 + c));
        if (sign == 0 && Math.abs(e) > 1e-3) {
          sign = Math.signum(e) * Math.signum(a);
        }
        assertEquals(e, (sign == 0 ? 1 : sign) * a, 1e-6, "pc" + (c + 1) + " of " + expected.get(r).get(0));
      }
    }
  }

  private static ApplicationReport lastApplication() throws Exception {
    try (YarnClient yarn = YarnClient.createYarnClient()) {
      yarn.init(cluster.yarn.getConfig());
      yarn.start();
      return yarn.getApplications().stream().max((a, b) -> Long.compare(a.getStartTime(), b.getStartTime())).orElseThrow();
    }
  }

  /** spark-submit as Spark's launcher runs it: SparkSubmit on Spark's jars, the application jar as the primary resource. */
  private static List<String> command(String deployMode, String in, String out) throws IOException {
    Path jar = SparkJarOnHdfsIT.sparkJar().toAbsolutePath();
    Path lib = jar.resolveSibling("spark-lib");
    String opens = Files.readString(jar.resolveSibling("jvm.options")).trim();
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    c.add("-Xmx1g");
    c.addAll(Arrays.asList(opens.split("\\s+")));
    // bin/spark-class puts HADOOP_CONF_DIR on the class path; SparkSubmit itself only reads it from there.
    c.addAll(List.of("-cp", lib + "/*:" + conf, "org.apache.spark.deploy.SparkSubmit",
        "--master", "yarn", "--deploy-mode", deployMode, "--class", "io.fruits.spark.SparkMain",
        "--num-executors", "2", "--executor-cores", "1", "--executor-memory", "1g", "--driver-memory", "1g",
        // Spark's jars are on every node of this one-machine cluster: no upload (EMR does the same).
        "--conf", "spark.yarn.jars=local:" + lib + "/*",
        "--conf", "spark.driver.extraJavaOptions=" + opens,
        "--conf", "spark.executor.extraJavaOptions=" + opens,
        // The application master: Spark's launcher in client mode, the driver itself in cluster mode.
        "--conf", (deployMode.equals("client") ? "spark.yarn.am.extraJavaOptions=" : "spark.driver.extraJavaOptions=") + opens,
        "--conf", "spark.yarn.submit.waitAppCompletion=true",
        // A failed run is not tried again from scratch: the test would see the second attempt only.
        "--conf", "spark.yarn.maxAppAttempts=1",
        jar.toString(),
        "--input", in, "--output", out, "--model", "squeezenet1.1",
        "-D", "model.dir=" + SharedData.models(), "-D", "pca.k=4"));
    return c;
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
