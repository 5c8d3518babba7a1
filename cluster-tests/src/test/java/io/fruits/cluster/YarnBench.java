package io.fruits.cluster;

import io.fruits.core.CommandLine;
import io.fruits.core.Launcher;
import io.fruits.core.OutputGuard;
import io.fruits.core.StageTimes;
import io.fruits.mapreduce.ImageTrees;
import io.fruits.mapreduce.PipelineRun;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;

/**
 * {@code fruits bench --yarn}: both editions on the same images and model, on the local runners
 * (the bench's comparison) and on a YARN + HDFS cluster (Hadoop's mini clusters in this JVM, every
 * container a JVM of its own), and one report of both. It lives beside the cluster tests because
 * the mini clusters are Hadoop's test artifacts, kept out of the product's jars.
 *
 * <p>Same containers for both editions on YARN: every task container (map, reduce, executor) has
 * 1 vcore and {@value #TASK_MB} MB with a 1 GiB heap, and one engine thread; the node has room for
 * one application master and {@value #TASKS} task containers, so at most 2 engine threads run on
 * the machine's 2 cores, as on the local runners (one task with 2 threads).
 */
public final class YarnBench {
  static final String USAGE =
      "usage: fruits bench --yarn --input IN --model PRESET [--images 1000] [--output target/bench-yarn] [-D key=value ...] (-D goes to all four runs)";
  static final CommandLine.Spec SPEC =
      CommandLine.Spec.of("see fruits bench --yarn --help", List.of("--input", "--model", "--images", "--output"), List.of("--yarn"), false);
  static final int TASK_MB = 2048;
  static final int TASKS = 2;
  static final int BATCH = 32;
  static final String MARKER = "bench-yarn.properties";

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return Launcher.run("fruits bench --yarn", err, () -> {
      CommandLine c = CommandLine.parse(args, SPEC);
      if (c.help()) {
        out.println(USAGE);
        return 0;
      }
      Path input = Path.of(c.require("--input", "IN (the Fruits-360 folder, or any folder of class folders)"));
      String model = c.require("--model", "PRESET (e.g. squeezenet1.1)");
      int images = (int) c.number("--images", 1000, 1, 1_000_000);
      Path dir = Path.of(c.value("--output", "target/bench-yarn")).toAbsolutePath();
      if (!Files.isDirectory(input)) {
        throw c.error("--input " + input + " is not a folder");
      }
      // Containers do not see the launcher's environment: its model folder travels as a setting.
      Map<String, String> defines = new java.util.LinkedHashMap<>(c.defines());
      String models = System.getenv(io.fruits.features.ModelLocator.MODEL_DIR_ENV);
      if (models != null) {
        defines.putIfAbsent("model.dir", models);
      }
      YarnBenchReport report = new YarnBench(dir, model, defines, err).measure(input, images);
      Files.writeString(dir.resolve("bench-yarn.md"), report.markdown());
      Files.writeString(dir.resolve("bench-yarn.csv"), report.csv());
      out.print(report.markdown());
      err.println("[bench-yarn] written: " + dir.resolve("bench-yarn.md") + ", " + dir.resolve("bench-yarn.csv"));
      return 0;
    });
  }

  private final Path dir;
  private final String model;
  private final Map<String, String> defines;
  private final PrintStream progress;

  /** {@code defines}: settings for all four runs (model.dir, pca.k, ...). */
  YarnBench(Path dir, String model, Map<String, String> defines, PrintStream progress) {
    this.dir = dir;
    this.model = model;
    this.defines = defines;
    this.progress = progress;
  }

  YarnBenchReport measure(Path input, int images) throws Exception {
    // Only a new or empty folder, or one an earlier bench --yarn marked, and never in or around the input.
    new OutputGuard(new Configuration(), MARKER, "a folder of fruits bench --yarn").claim(new org.apache.hadoop.fs.Path(dir.toUri()),
        new org.apache.hadoop.fs.Path(input.toAbsolutePath().toUri()), true);
    Path sample = dir.resolve("images");
    int copied = sample(input, sample, images);
    progress.printf("[bench-yarn] %d images sampled from %s%n", copied, input);
    if (System.getProperty("hadoop.java17.opens") == null) { // container JVMs need this JVM's opens
      System.setProperty("hadoop.java17.opens", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
          .filter(a -> a.startsWith("--add-opens")).collect(Collectors.joining(" ")));
    }

    progress.println("[bench-yarn] MapReduce edition, local job runner: 1 map task at a time, 2 engine threads");
    Configuration local = new Configuration();
    defines.forEach(local::set);
    local.setInt("engine.threads", 2);
    local.setInt("features.batch.size", BATCH);
    PipelineRun mrLocal = PipelineRun.of(local, "--input", sample.toString(), "--output", dir.resolve("local-mr").toString(), "--model", model);
    check(mrLocal.exitCode == 0, "the local MapReduce run failed: " + mrLocal.stderr);

    progress.println("[bench-yarn] Spark edition, local[2], spark.task.cpus=2");
    // The driver holds the executors on local[2]: the heap the local MapReduce run has in this JVM.
    SparkSubmitCommand sparkLocal = new SparkSubmitCommand("local[2]", "client", null).conf("spark.task.cpus", "2")
        .heap("-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m");
    check(sparkLocal.run(dir.resolve("local-spark.log"), sparkArgs(sample.toString(), dir.resolve("local-spark").toString())) == 0, "the local Spark run failed; see " + dir.resolve("local-spark.log"));

    Configuration nodes = new Configuration();
    nodes.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
    // Room for one application master and TASKS task containers (YARN rounds every request up to 1 GB).
    // The mini cluster sizes its NodeManagers by this key of its own, not yarn.nodemanager.resource.memory-mb.
    nodes.setInt("yarn.minicluster.yarn.nodemanager.resource.memory-mb", (1 + TASKS) * TASK_MB);
    nodes.setInt("yarn.nodemanager.resource.memory-mb", (1 + TASKS) * TASK_MB);
    nodes.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
    // Closing a file waits for the DataNode's report of its block, polled from 0.4 s on: an hour
    // for the 11,280 small files of a full upload. Poll sooner, and upload in parallel.
    nodes.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 10);
    try (MiniHadoop cluster = MiniHadoop.start(dir.resolve("cluster"), "fruits-bench", nodes)) {
      FileSystem hdfs = cluster.dfs.getFileSystem();
      upload(hdfs, sample, "/data/in");
      String nodeManagers = nodeManagers(cluster.yarn.getConfig());

      progress.println("[bench-yarn] MapReduce edition on YARN (the job jar, as hadoop jar submits it)");
      DataNodeBytes before = DataNodeBytes.now();
      HadoopJarCommand hadoopJar = new HadoopJarCommand(cluster, dir.resolve("hadoop-conf-driver"));
      check(hadoopJar.run(dir.resolve("yarn-mr.log"), onYarn(), "--input", "/data/in", "--output", "/runs/mr", "--model", model) == 0,
          "the MapReduce run on YARN failed; see " + dir.resolve("yarn-mr.log"));
      DataNodeBytes mrBytes = DataNodeBytes.now().since(before);
      Path mrRun = fetch(hdfs, "/runs/mr", dir.resolve("yarn-mr"));
      Map<String, MapReduceJobs.Stage> jobs = MapReduceJobs.read(mrRun.resolve("reports"), cluster.yarn.getConfig());

      progress.println("[bench-yarn] Spark edition on YARN (spark-submit --deploy-mode cluster)");
      Path events = Files.createDirectories(dir.resolve("spark-events"));
      String root = hdfs.getUri().toString();
      before = DataNodeBytes.now();
      SparkSubmitCommand sparkYarn = new SparkSubmitCommand("yarn", "cluster", cluster.writeClientConf(dir.resolve("hadoop-conf")))
          .onYarn("cluster")
          .option("--num-executors", Integer.toString(TASKS)).option("--executor-cores", "1").option("--executor-memory", "1g")
          .conf("spark.executor.memoryOverhead", (TASK_MB - 1024) + "m").option("--driver-memory", "1g").conf("spark.task.cpus", "1")
          .conf("spark.dynamicAllocation.enabled", "false")
          // The event log stays off HDFS (this is one machine), so HDFS bytes are the edition's own.
          .conf("spark.eventLog.enabled", "true").conf("spark.eventLog.dir", events.toUri().toString())
          .conf("spark.eventLog.compress", "false").conf("spark.eventLog.rolling.enabled", "false");
      check(sparkYarn.run(dir.resolve("yarn-spark.log"), sparkArgs(root + "/data/in", root + "/runs/spark")) == 0, "the Spark run on YARN failed; see " + dir.resolve("yarn-spark.log"));
      DataNodeBytes sparkBytes = DataNodeBytes.now().since(before);
      Path sparkRun = fetch(hdfs, "/runs/spark", dir.resolve("yarn-spark"));
      SparkEventLog log;
      try (Stream<Path> files = Files.list(events); Reader r = new InputStreamReader(Files.newInputStream(files.findFirst().orElseThrow()),
          StandardCharsets.UTF_8)) {
        log = SparkEventLog.read(r);
      }
      ApplicationReport app = cluster.lastApplication();

      return new YarnBenchReport(model, copied, BATCH, TASKS, TASK_MB, nodeManagers,
          StageTimes.read(dir.resolve("local-mr/reports")), StageTimes.read(dir.resolve("local-spark/reports")),
          StageTimes.read(mrRun.resolve("reports")), StageTimes.read(sparkRun.resolve("reports")),
          jobs, mrBytes, log, (log.firstTaskLaunch() - app.getStartTime()) / 1000.0, sparkBytes,
          sameBytes(dir.resolve("local-mr/features.csv"), dir.resolve("local-spark/features.csv"), mrRun.resolve("features.csv"),
              sparkRun.resolve("features.csv")));
    }
  }

  /** The MapReduce run's settings on YARN: task containers of TASK_MB, 1 GiB heaps, one engine thread. */
  private Map<String, String> onYarn() {
    String heap = "-Xmx1g " + System.getProperty("hadoop.java17.opens", "");
    Map<String, String> settings = new java.util.LinkedHashMap<>(defines);
    settings.put(MRJobConfig.MAP_MEMORY_MB, Integer.toString(TASK_MB));
    settings.put(MRJobConfig.REDUCE_MEMORY_MB, Integer.toString(TASK_MB));
    settings.put(MRJobConfig.MAP_JAVA_OPTS, heap);
    settings.put(MRJobConfig.REDUCE_JAVA_OPTS, heap);
    settings.put("engine.threads", "1");
    settings.put("features.batch.size", Integer.toString(BATCH));
    return settings;
  }

  private String[] sparkArgs(String in, String out) {
    List<String> args = new java.util.ArrayList<>(List.of("--input", in, "--output", out, "--model", model, "-D", "features.batch.size=" + BATCH));
    defines.forEach((k, v) -> args.addAll(List.of("-D", k + "=" + v)));
    return args.toArray(String[]::new);
  }

  /** Every file below {@code from} to the same relative path below {@code to}, 8 at a time. */
  private void upload(FileSystem hdfs, Path from, String to) throws Exception {
    long start = System.nanoTime();
    List<Path> files;
    try (Stream<Path> all = Files.walk(from)) {
      files = all.filter(Files::isRegularFile).toList();
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> copies = new java.util.ArrayList<>();
      for (Path f : files) {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(to, from.relativize(f).toString());
        copies.add(pool.submit(() -> {
          hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(f.toUri()), target);
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> c : copies) {
        c.get();
      }
    } finally {
      pool.shutdown();
    }
    progress.printf(java.util.Locale.ROOT, "[bench-yarn] %d images uploaded to HDFS in %.1f s%n", files.size(), (System.nanoTime() - start) / 1e9);
  }

  /** The run's CSVs and reports, copied next to the local runs. */
  private static Path fetch(FileSystem hdfs, String run, Path to) throws IOException {
    Files.createDirectories(to);
    for (String name : List.of("features.csv", "pca.csv", "rejects.csv", "reports")) {
      hdfs.copyToLocalFile(new org.apache.hadoop.fs.Path(run, name), new org.apache.hadoop.fs.Path(to.resolve(name).toUri()));
    }
    return to;
  }

  /** The NodeManagers as the ResourceManager sees them: their count and each one's capability. */
  private static String nodeManagers(Configuration conf) throws Exception {
    try (YarnClient yarn = MiniHadoop.yarnClient(conf)) {
      List<String> nodes = yarn.getNodeReports().stream().map(n -> n.getCapability().getMemorySize() + " MB and "
          + n.getCapability().getVirtualCores() + " vcores").toList();
      return nodes.size() + " NodeManager(s) of " + String.join(", ", nodes);
    }
  }

  /** Up to {@code images} images spread over the class folders (of {@code Training/} when there is one). */
  private static int sample(Path input, Path to, int images) throws IOException {
    Path from = Files.isDirectory(input.resolve("Training")) ? input.resolve("Training") : input;
    long classes;
    try (Stream<Path> all = Files.list(from)) {
      classes = all.filter(Files::isDirectory).count();
    }
    int perClass = (int) Math.max(1, (images + classes - 1) / Math.max(1, classes));
    ImageTrees.copySubset(from, to, (int) Math.min(classes, (images + perClass - 1) / perClass), perClass);
    try (Stream<Path> files = Files.walk(to)) {
      return (int) files.filter(Files::isRegularFile).count();
    }
  }

  private static boolean sameBytes(Path... files) throws IOException {
    byte[] first = Files.readAllBytes(files[0]);
    for (Path f : Arrays.asList(files).subList(1, files.length)) {
      if (!Arrays.equals(first, Files.readAllBytes(f))) {
        return false;
      }
    }
    return true;
  }

  private static void check(boolean ok, String why) throws IOException {
    if (!ok) {
      throw new IOException(why);
    }
  }
}
