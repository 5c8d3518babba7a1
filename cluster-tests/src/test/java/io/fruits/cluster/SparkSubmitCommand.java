package io.fruits.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * spark-submit as Spark's launcher runs it: {@code SparkSubmit} in a JVM of its own on Spark's
 * jars only ({@code spark/target/spark-lib}) plus a {@code HADOOP_CONF_DIR} that names the
 * cluster, the Spark edition's jar as the primary resource.
 */
final class SparkSubmitCommand {
  private final List<String> options = new ArrayList<>();
  private final Path hadoopConf;
  private String heap = "-Xmx1g";

  /** {@code hadoopConf} is the client configuration folder, or null for {@code local[...]}. */
  SparkSubmitCommand(String master, String deployMode, Path hadoopConf) {
    this.hadoopConf = hadoopConf;
    options.addAll(List.of("--master", master, "--deploy-mode", deployMode, "--class", "io.fruits.spark.SparkMain"));
  }

  SparkSubmitCommand option(String name, String value) {
    options.add(name);
    options.add(value);
    return this;
  }

  /** The launcher JVM's heap, which is the driver's in client mode and on {@code local[...]}. */
  SparkSubmitCommand heap(String xmx) {
    this.heap = xmx;
    return this;
  }

  SparkSubmitCommand conf(String key, String value) {
    return option("--conf", key + "=" + value);
  }

  /** The YARN settings every run here needs, with the JDK opens Spark 4 needs on Java 17 in each of its JVMs. */
  SparkSubmitCommand onYarn(String deployMode) throws IOException {
    String opens = opens();
    Path lib = lib();
    // Spark's jars are on every node of this one-machine cluster: no upload (EMR does the same).
    conf("spark.yarn.jars", "local:" + lib + "/*");
    conf("spark.driver.extraJavaOptions", opens);
    conf("spark.executor.extraJavaOptions", opens);
    // The application master: Spark's launcher in client mode, the driver itself in cluster mode.
    if (deployMode.equals("client")) {
      conf("spark.yarn.am.extraJavaOptions", opens);
    }
    conf("spark.yarn.submit.waitAppCompletion", "true");
    // A failed run is not tried again from scratch: the caller would see the second attempt only.
    return conf("spark.yarn.maxAppAttempts", "1");
  }

  /** The whole command: java, SparkSubmit, its options, the jar, then {@code args} for SparkMain. */
  List<String> command(String... args) throws IOException {
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    c.add(heap);
    c.addAll(Arrays.asList(opens().split("\\s+")));
    // bin/spark-class puts HADOOP_CONF_DIR on the class path; SparkSubmit itself only reads it from there.
    c.addAll(List.of("-cp", lib() + "/*" + (hadoopConf == null ? "" : ":" + hadoopConf), "org.apache.spark.deploy.SparkSubmit"));
    c.addAll(options);
    c.add(SparkJarOnHdfsIT.sparkJar().toAbsolutePath().toString());
    c.addAll(Arrays.asList(args));
    return c;
  }

  /** Runs it, its standard error into {@code log}; returns the exit code. */
  int run(Path log, String... args) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command(args)).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile());
    if (hadoopConf != null) {
      pb.environment().put("HADOOP_CONF_DIR", hadoopConf.toString());
    }
    return pb.start().waitFor();
  }

  private static Path lib() {
    return SparkJarOnHdfsIT.sparkJar().toAbsolutePath().resolveSibling("spark-lib");
  }

  private static String opens() throws IOException {
    return Files.readString(SparkJarOnHdfsIT.sparkJar().toAbsolutePath().resolveSibling("jvm.options")).trim();
  }
}
