package io.fruits.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark edition's application jar, as spark-submit gets it, on a mini HDFS cluster: a JVM of
 * its own with only {@code fruits-spark.jar} and Spark's jars on the classpath (local master; Spark
 * on YARN is {@link SparkOnYarnIT}), images and output on HDFS. Every format sample must become a
 * vector, which the executors manage only if the shaded jar's merged {@code META-INF/services}
 * lists the TwelveMonkeys readers.
 */
class SparkJarOnHdfsIT {
  @TempDir static Path tmp;
  static MiniDFSCluster dfs;

  @BeforeAll
  static void startHdfs() throws Exception {
    SharedData.require();
    Assumptions.assumeTrue(Files.isRegularFile(sparkJar()), "SKIPPED: needs the Spark jar " + sparkJar() + " (mvn package)");
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
  }

  @AfterAll
  static void stopHdfs() {
    if (dfs != null) {
      dfs.shutdown();
    }
  }

  @Test
  void theSparkJarTurnsEveryFormatOnHdfsIntoAVector() throws Exception {
    Path local = tmp.resolve("in");
    Set<String> samples = FormatTree.write(local, 2, 3, tmp.resolve("format-tools"));
    FileSystem hdfs = dfs.getFileSystem();
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), new org.apache.hadoop.fs.Path("/data/formats"));
    String root = hdfs.getUri().toString();

    Path log = tmp.resolve("spark.log");
    Process p = new ProcessBuilder(command(root + "/data/formats", root + "/runs/spark"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
    assertEquals(0, p.waitFor(), () -> tail(log));

    List<List<String>> features = rows(hdfs, "/runs/spark/features.csv");
    Set<String> vectors = new TreeSet<>();
    for (List<String> row : features) {
      assertEquals(2 + 512, row.size(), "id, label and 512 values: " + row.get(0));
      if (row.get(0).startsWith("Training/Formats/")) {
        vectors.add(row.get(0).substring("Training/Formats/".length()));
      }
    }
    assertEquals(new TreeSet<>(samples), vectors, "every format sample is a vector");
    assertEquals(2 * 3 + samples.size(), features.size());
    assertEquals(List.of(FormatTree.BROKEN), rows(hdfs, "/runs/spark/rejects.csv").stream().map(r -> r.get(0)).toList());
  }

  /** {@code java} with Spark's JDK options, the application jar and Spark's own jars, nothing else. */
  private static List<String> command(String input, String output) throws IOException {
    List<String> c = new ArrayList<>();
    c.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    c.add("-Xmx2g");
    c.addAll(Arrays.asList(Files.readString(sparkJar().resolveSibling("jvm.options")).trim().split("\\s+")));
    c.addAll(List.of("-cp", sparkJar() + ":" + sparkJar().resolveSibling("spark-lib") + "/*", "io.fruits.spark.SparkMain",
        "--input", input, "--output", output, "--model", "squeezenet1.1", "--master", "local[2]",
        "-D", "model.dir=" + SharedData.models(), "-D", "pca.k=4"));
    return c;
  }

  private static List<List<String>> rows(FileSystem fs, String file) throws IOException {
    Path copy = Files.createTempFile(tmp, "rows", ".csv");
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(file))) {
      Files.write(copy, in.readAllBytes());
    }
    return ImageTrees.rows(copy);
  }

  /** The end of a child JVM's log, for a failure message. */
  static String tail(Path log) {
    try {
      String s = Files.readString(log, StandardCharsets.UTF_8);
      return s.substring(Math.max(0, s.length() - 4000));
    } catch (IOException e) {
      return "no log: " + e;
    }
  }

  static Path sparkJar() {
    return Paths.get(System.getProperty("fruits.spark.jar", "../spark/target/fruits-spark.jar"));
  }
}
