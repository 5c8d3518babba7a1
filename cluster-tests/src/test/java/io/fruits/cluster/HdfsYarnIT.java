package io.fruits.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import io.fruits.mapreduce.PipelineRun;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a real, in-process Hadoop cluster: HDFS (MiniDFSCluster) and YARN with the
 * MapReduce application master (MiniMRYarnCluster). The driver is the one {@code hadoop jar}
 * runs, in this JVM: its jobs ship the module jar their classes come from (setJarByClass), and the
 * mini cluster's containers inherit this JVM's class path (YarnBench runs the shaded job jar
 * through RunJar instead); tasks run in their own container JVMs and get the model through the
 * distributed cache. A fault injected into the first attempt of a map task is
 * retried by YARN. The output must equal the embedded run's, byte for byte.
 */
class HdfsYarnIT {
  @TempDir static Path tmp;
  static MiniDFSCluster dfs;
  static MiniMRYarnCluster yarn;
  static MiniHadoop cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    SharedData.require();
    Assumptions.assumeTrue(Files.isRegularFile(jobJar()), "SKIPPED: needs the job jar " + jobJar() + " (mvn package)");
    cluster = MiniHadoop.start(tmp, "fruits", new Configuration());
    dfs = cluster.dfs;
    yarn = cluster.yarn;
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aSpeculativeAttemptOvertakesAStragglerWithoutDuplicateRows() throws Exception {
    Path local = tmp.resolve("spec-in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Test"), local, 4, 5);
    // Two map containers fit beside the application master on the mini cluster's 4 GB node: one
    // for the straggler, one for its speculative twin.
    Configuration conf = submitting(1024, "-Xmx640m");
    conf.setLong("pack.target.bytes", 15_000); // five SequenceFiles: five map tasks
    // From its second image on, the first attempt of the last map task takes 20 s an image; once
    // the other tasks have finished in seconds, the application master starts a second attempt.
    // Only one attempt's output may be committed.
    conf.set("fruits.fault.fail", "features:4:1:slow");
    conf.setBoolean(MRJobConfig.MAP_SPECULATIVE, true); // Hadoop's own estimator spots the straggler
    // A loaded machine can make an ordinary task look slow for a moment: the speculator once spent
    // its attempt on one that finished 10 ms later, then slept its default 15 s after speculating
    // and never came back to the straggler in time (CI, 2026-11-27). Look again after 1 s.
    conf.setLong("mapreduce.job.speculative.retry-after-speculate", 1000);
    FileSystem hdfs = dfs.getFileSystem();
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), new org.apache.hadoop.fs.Path("/data/spec"));

    PipelineRun run = PipelineRun.of(conf, "--input", "/data/spec", "--output", "/runs/spec", "--model", "squeezenet1.1",
        "--until", "features");
    assertEquals(0, run.exitCode, run.stderr);
    String counters;
    try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path("/runs/spec/reports/counters-fruits-features.json"))) {
      counters = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    org.apache.hadoop.fs.FileStatus[] parts =
        hdfs.listStatus(new org.apache.hadoop.fs.Path("/runs/spec/features"), p -> p.getName().startsWith("part-m-"));
    assertTrue(parts.length > 1, "several map tasks");
    java.util.regex.Matcher launched = java.util.regex.Pattern.compile("\"Launched map tasks\": (\\d+)").matcher(counters);
    assertTrue(launched.find() && Integer.parseInt(launched.group(1)) > parts.length,
        parts.length + " map tasks, so more launched attempts means a speculative one ran: " + counters);
    // The committed output holds every image exactly once, whichever attempt won.
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus part : parts) {
      try (org.apache.hadoop.io.SequenceFile.Reader r =
          new org.apache.hadoop.io.SequenceFile.Reader(conf, org.apache.hadoop.io.SequenceFile.Reader.file(part.getPath()))) {
        org.apache.hadoop.io.Text id = new org.apache.hadoop.io.Text();
        while (r.next(id)) {
          ids.add(id.toString());
        }
      }
    }
    assertEquals(20, ids.size(), "rows written: " + ids);
    assertEquals(20, new java.util.HashSet<>(ids).size(), "distinct ids: " + ids);
  }

  @Test
  void aFlattenedFeatureMapOnYarnThroughTheRandomizedPca() throws Exception {
    Path local = tmp.resolve("flat-in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Training"), local, 4, 4);
    // The heap a Gram pass needs: the basis and the task's share, d x l doubles and d x l pairs of
    // longs (l = k + p = 19): 86,528 x 19 x 24 bytes = 40 MB, plus the column statistics.
    Configuration conf = submitting(1024, "-Xmx512m");
    conf.set("model.pooling", "flatten"); // SqueezeNet's 13 x 13 x 512 map: 86,528 values an image
    conf.set("pca.k", "4");
    // No power iteration: two passes, not four (each job costs the mini cluster some 30 s); the
    // accuracy of the passes is RandomizedPcaIT's, on the local runner.
    conf.set("pca.power.iterations", "0");
    FileSystem hdfs = dfs.getFileSystem();
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), new org.apache.hadoop.fs.Path("/data/flat"));

    PipelineRun run = PipelineRun.of(conf, "--input", "/data/flat", "--output", "/runs/flat", "--model", "squeezenet1.1");
    assertEquals(0, run.exitCode, run.stderr);
    assertTrue(run.stderr.contains("86528-d vectors, ") && run.stderr.contains("randomized PCA"), run.stderr);
    assertTrue(run.stderr.contains("16 vectors, k=4 explaining"), run.stderr);
    String counters;
    try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path("/runs/flat/reports/counters-fruits-pca-pass.json"))) {
      counters = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    java.util.regex.Matcher peak = java.util.regex.Pattern.compile("\"Peak Map Physical memory \\(bytes\\)\": (\\d+)").matcher(counters);
    assertTrue(peak.find(), counters);
    long mb = Long.parseLong(peak.group(1)) >> 20;
    System.out.println("[HdfsYarnIT] Gram pass map task on 86,528-d vectors, -Xmx512m: peak resident " + mb + " MB");
    assertTrue(mb < 1024, "within its 1 GB container: " + mb + " MB");
    try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path("/runs/flat/pca.csv"))) {
      java.util.List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
      assertEquals(17, lines.size(), "header and 16 rows");
      assertEquals("id,label,pc1,pc2,pc3,pc4", lines.get(0));
    }
  }

  /** What `hadoop jar fruits-job.jar` submits with, map containers of {@code mapMb} with heap {@code xmx}. */
  private static Configuration submitting(int mapMb, String xmx) {
    Configuration conf = new Configuration(yarn.getConfig());
    conf.set(MRJobConfig.JAR, jobJar().toString());
    conf.set("model.dir", SharedData.models().toString());
    conf.setInt(MRJobConfig.MAP_MEMORY_MB, mapMb);
    conf.set(MRJobConfig.MAP_JAVA_OPTS, xmx + " " + System.getProperty("hadoop.java17.opens", ""));
    return conf;
  }

  static Path jobJar() {
    return Paths.get(System.getProperty("fruits.job.jar", "target/fruits-job.jar")).toAbsolutePath();
  }

  @Test
  void yarnRunOnHdfsEqualsTheEmbeddedRun() throws Exception {
    Path local = tmp.resolve("in");
    int files = 4 * 6 + FormatTree.write(local, 4, 6, tmp.resolve("format-tools")).size() + 1; // and the broken file

    Configuration clusterConf = new Configuration(yarn.getConfig());
    clusterConf.set(MRJobConfig.JAR, jobJar().toString()); // what `hadoop jar fruits-job.jar` sets
    clusterConf.set("model.dir", SharedData.models().toString());
    clusterConf.setInt(MRJobConfig.MAP_MEMORY_MB, 2048);
    // The first attempt of the feature job's first map task dies after 3 images (a pack chunk
    // holds 9); the retry must give the same output. Speculative attempts are allowed: the
    // committer keeps one attempt's output.
    clusterConf.set("fruits.fault.fail", "features:0:3");
    clusterConf.setBoolean(MRJobConfig.MAP_SPECULATIVE, true);
    // The pack as a job of 4 map tasks here, by the driver in the embedded run: the same manifest and CSVs.
    clusterConf.setLong("pack.job.min.files", 0);
    clusterConf.set("pack.map.tasks", "4");
    FileSystem hdfs = dfs.getFileSystem();
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), new org.apache.hadoop.fs.Path("/data/fruits"));

    PipelineRun onYarn = PipelineRun.of(clusterConf, "--input", "/data/fruits", "--output", "/runs/one", "--model", "squeezenet1.1");
    assertEquals(0, onYarn.exitCode, onYarn.stderr);
    String prefix = hdfs.getUri() + "/runs/one/";
    assertEquals(List.of(prefix + "features.csv", prefix + "pca.csv"), onYarn.stdout.subList(onYarn.stdout.size() - 2, onYarn.stdout.size()));

    Path out = tmp.resolve("embedded");
    cluster.assertSameAsEmbeddedRun("/runs/one", local, out, "squeezenet1.1");
    assertEquals(files, ImageTrees.rows(out.resolve("features.csv")).size() + ImageTrees.rows(out.resolve("rejects.csv")).size());
    assertEquals(List.of(FormatTree.BROKEN), ImageTrees.rows(out.resolve("rejects.csv")).stream().map(r -> r.get(0)).toList(),
        "every format sample is a vector");
    assertTrue(hdfs.exists(new org.apache.hadoop.fs.Path("/runs/one/reports/timings.json")));
    String counters;
    try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path("/runs/one/reports/counters-fruits-features.json"))) {
      counters = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertTrue(counters.contains("\"Failed map tasks\": 1"), "the injected fault happened and was retried: " + counters);
    assertTrue(onYarn.stderr.contains("in 4 SequenceFile(s) by a job of 4 map task(s)"), onYarn.stderr);
    try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path("/runs/one/reports/counters-fruits-pack.json"))) {
      String pack = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(java.util.regex.Pattern.compile("\"FILES_PACKED\": " + files + "\\b").matcher(pack).find(),
          "successful attempts packed every file once: " + pack);
    }
    List<List<String>> rows = ImageTrees.rows(out.resolve("features.csv"));
    assertEquals(rows.size(), rows.stream().map(r -> r.get(0)).distinct().count(), "no duplicate rows");
    assertTrue(new File(jobJar().toString()).length() > 0);
  }
}
