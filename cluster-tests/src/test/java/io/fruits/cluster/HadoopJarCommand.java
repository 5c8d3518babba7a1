package io.fruits.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code hadoop jar fruits-job.jar run ...} as Hadoop's launcher runs it: {@code RunJar} in a JVM
 * of its own on Hadoop's jars and the cluster's client configuration, so the driver's classes come
 * from the shaded job jar and every job ships that jar, as on a real cluster.
 */
final class HadoopJarCommand {
  private final Path conf;

  /** Writes the client configuration of {@code cluster} into {@code confDir}. */
  HadoopJarCommand(MiniHadoop cluster, Path confDir) throws IOException {
    this.conf = Files.createDirectories(confDir);
    // What the cluster set, not Hadoop's defaults: a default written into a *-site.xml reads as a
    // user's choice (FeatureSplits then leaves the split size to the block size).
    Configuration running = cluster.yarn.getConfig();
    Configuration site = new Configuration(false);
    for (Map.Entry<String, String> e : running) {
      String[] sources = running.getPropertySources(e.getKey());
      if (sources == null || !Arrays.stream(sources).allMatch(source -> source.endsWith("-default.xml"))) {
        site.set(e.getKey(), e.getValue());
      }
    }
    // The cluster sets this on its own JobConf, not in its configuration.
    site.set("mapreduce.framework.name", "yarn");
    // One file per *-site name: a later default file (yarn-default, mapred-default) would
    // otherwise override what only core-site.xml said.
    for (String name : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml", "mapred-site.xml")) {
      try (OutputStream out = Files.newOutputStream(conf.resolve(name))) {
        site.writeXml(out);
      }
    }
  }

  /** Runs {@code fruits-job.jar run ARGS -D key=value...}, its standard error into {@code log}; returns the exit code. */
  int run(Path log, Map<String, String> settings, String... args) throws IOException, InterruptedException {
    List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    c.addAll(Arrays.asList(System.getProperty("hadoop.java17.opens", "").split("\\s+")));
    c.addAll(List.of("-cp", conf + ":" + hadoopClassPath(), "org.apache.hadoop.util.RunJar", HdfsYarnIT.jobJar().toString(), "run"));
    c.addAll(Arrays.asList(args));
    settings.forEach((k, v) -> c.addAll(List.of("-D", k + "=" + v)));
    return new ProcessBuilder(c).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start().waitFor();
  }

  /**
   * Hadoop's jars without the project's own: the cluster tests' class path holds the unshaded
   * module jars too, which the jobs would ship instead of the job jar.
   */
  private static String hadoopClassPath() throws IOException {
    Path file = Path.of(System.getProperty("fruits.cluster.classpath", "target/test-classpath.txt"));
    return Arrays.stream(Files.readString(file).trim().split(java.io.File.pathSeparator))
        .filter(entry -> !entry.contains("/io/fruits/") && !entry.contains("/fruits-") && !entry.endsWith("/target/classes")
            && !entry.endsWith("/target/test-classes"))
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }
}
