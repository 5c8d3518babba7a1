package io.fruits.cluster;

import io.fruits.core.ByteSizes;
import io.fruits.core.EditionStage;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers of one {@code fruits bench --yarn}: stage times of both editions on the local
 * runners and on YARN, what YARN and HDFS saw of each, rendered as Markdown and CSV. Every ratio
 * comes from this one run.
 */
record YarnBenchReport(
    String model,
    int images,
    int batch,
    int tasks,
    int taskMb,
    String nodeManagers,
    Map<String, Double> localMr,
    Map<String, Double> localSpark,
    Map<String, Double> yarnMr,
    Map<String, Double> yarnSpark,
    Map<String, MapReduceJobs.Stage> jobs,
    DataNodeBytes mrHdfs,
    SparkEventLog sparkLog,
    double sparkStartupSeconds,
    DataNodeBytes sparkHdfs,
    boolean sameFeatures) {

  private static final MapReduceJobs.Stage NO_JOB = new MapReduceJobs.Stage(0, 0, 0, 0, 0, 0);

  String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "## MapReduce vs Spark, local and on YARN: %s, %d images, batch %d%n%n", model, images, batch));
    sb.append(String.format(Locale.ROOT, "Local: Hadoop's local job runner (1 map task at a time, 2 engine threads) and Spark `local[2]` "
        + "(`spark.task.cpus=2`), each in a JVM of its own. YARN: Hadoop 3.4.1's mini YARN + HDFS (%s as YARN reports them, 1 DataNode; "
        + "every container a JVM of its own); every task container (map, reduce, Spark executor) 1 vcore and %d MB with a 1 GiB heap and "
        + "1 engine thread, %d of them beside one application master, so at most %d engine threads on %d cores; Spark: %d executors, "
        + "`spark.task.cpus=1`, cluster deploy mode.%n%n", nodeManagers, taskMb, tasks, tasks, Runtime.getRuntime().availableProcessors(),
        tasks));
    sb.append("| stage | local MR s | local Spark s | local MR / Spark | YARN MR s | YARN Spark s | YARN MR / Spark "
        + "| MR jobs | MR containers | MR submit → first task s | MR HDFS read | MR HDFS written | MR shuffle | Spark shuffle |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (EditionStage row : EditionStage.ALL) {
      MapReduceJobs.Stage j = jobs.getOrDefault(row.mapReduce(), NO_JOB);
      double lm = localMr.getOrDefault(row.mapReduce(), Double.NaN);
      double ls = localSpark.getOrDefault(row.spark(), Double.NaN);
      double ym = yarnMr.getOrDefault(row.mapReduce(), Double.NaN);
      double ys = yarnSpark.getOrDefault(row.spark(), Double.NaN);
      sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s | %.2f | %.2f | %s | %d | %d | %s | %s | %s | %s | %s |%n", row.row(),
          lm, ls, ratio(lm, ls), ym, ys, ratio(ym, ys), j.jobs(), j.containers(), j.jobs() == 0 ? "-" : String.format(Locale.ROOT, "%.2f",
              j.startupSeconds()), ByteSizes.human(j.hdfsRead()), ByteSizes.human(j.hdfsWritten()), ByteSizes.human(j.shuffle()),
          ByteSizes.human(sparkLog.shuffleBytes().getOrDefault(row.spark(), 0L))));
    }
    MapReduceJobs.Stage all = total();
    sb.append(String.format(Locale.ROOT, "| **total** | **%.2f** | **%.2f** | **%s** | **%.2f** | **%.2f** | **%s** | %d | %d | %.2f | %s | %s | %s | %s |%n%n",
        sum(localMr), sum(localSpark), ratio(sum(localMr), sum(localSpark)), sum(yarnMr), sum(yarnSpark), ratio(sum(yarnMr), sum(yarnSpark)),
        all.jobs(), all.containers(), all.startupSeconds(), ByteSizes.human(all.hdfsRead()), ByteSizes.human(all.hdfsWritten()),
        ByteSizes.human(all.shuffle()), ByteSizes.human(sparkShuffle())));
    sb.append("| on YARN, the whole run | MapReduce | Spark |\n|---|---:|---:|\n");
    sb.append(String.format(Locale.ROOT, "| YARN applications | %d | 1 |%n", all.jobs()));
    sb.append(String.format(Locale.ROOT, "| containers started, application masters included | %d | %d |%n", all.containers(), sparkLog.executors() + 1));
    sb.append(String.format(Locale.ROOT, "| submission → first task launched, summed over applications, s | %.2f | %.2f |%n", all.startupSeconds(),
        sparkStartupSeconds));
    sb.append(String.format(Locale.ROOT, "| HDFS bytes read (the DataNode's own count) | %s | %s |%n", ByteSizes.human(mrHdfs.read()),
        ByteSizes.human(sparkHdfs.read())));
    sb.append(String.format(Locale.ROOT, "| HDFS bytes written (the DataNode's own count) | %s | %s |%n", ByteSizes.human(mrHdfs.written()),
        ByteSizes.human(sparkHdfs.written())));
    sb.append(String.format(Locale.ROOT, "| shuffle bytes | %s | %s |%n", ByteSizes.human(all.shuffle()), ByteSizes.human(sparkShuffle())));
    sb.append(String.format(Locale.ROOT, "| wall time, s (MR / Spark = %s) | %.2f | %.2f |%n%n", ratio(sum(yarnMr), sum(yarnSpark)), sum(yarnMr),
        sum(yarnSpark)));
    sb.append(sameFeatures ? "features.csv: byte-identical in all four runs.\n"
        : "features.csv: NOT byte-identical in all four runs (compare the runs' folders).\n");
    return sb.toString();
  }

  String csv() {
    StringBuilder sb = new StringBuilder("stage,local_mr_s,local_spark_s,yarn_mr_s,yarn_spark_s,mr_jobs,mr_containers,mr_startup_s,"
        + "mr_hdfs_read,mr_hdfs_written,mr_shuffle,spark_shuffle\n");
    for (EditionStage row : EditionStage.ALL) {
      MapReduceJobs.Stage j = jobs.getOrDefault(row.mapReduce(), NO_JOB);
      sb.append(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%.3f,%d,%d,%.3f,%d,%d,%d,%d%n", row.row(), localMr.getOrDefault(row.mapReduce(), Double.NaN),
          localSpark.getOrDefault(row.spark(), Double.NaN), yarnMr.getOrDefault(row.mapReduce(), Double.NaN), yarnSpark.getOrDefault(row.spark(), Double.NaN),
          j.jobs(), j.containers(), j.startupSeconds(), j.hdfsRead(), j.hdfsWritten(), j.shuffle(), sparkLog.shuffleBytes().getOrDefault(row.spark(), 0L)));
    }
    return sb.toString();
  }

  MapReduceJobs.Stage total() {
    return jobs.values().stream().reduce(NO_JOB, MapReduceJobs.Stage::plus);
  }

  long sparkShuffle() {
    return sparkLog.shuffleBytes().values().stream().mapToLong(Long::longValue).sum();
  }

  static double sum(Map<String, Double> seconds) {
    return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
  }
}
