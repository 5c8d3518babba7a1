package io.fruits.cluster;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;

/**
 * HDFS (one DataNode) and YARN with the MapReduce application master, in this JVM, as the cluster
 * tests start them: NodeManagers of 4 GB unless the caller says otherwise, containers of up to
 * 4 GB with 1 GB heaps and the JDK opens Hadoop 3.4 needs.
 */
final class MiniHadoop implements AutoCloseable {
  final MiniDFSCluster dfs;
  final MiniMRYarnCluster yarn;

  private MiniHadoop(MiniDFSCluster dfs, MiniMRYarnCluster yarn) {
    this.dfs = dfs;
    this.yarn = yarn;
  }

  /** {@code conf} may carry settings of the caller's own (e.g. YARN's memory checks). */
  static MiniHadoop start(Path base, String name, Configuration conf) throws Exception {
    return start(base, name, conf, 1);
  }

  /** With {@code nodeManagers} NodeManagers; their memory may be set in {@code conf} beforehand. */
  static MiniHadoop start(Path base, String name, Configuration conf, int nodeManagers) throws Exception {
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    conf.set("fs.defaultFS", dfs.getFileSystem().getUri().toString());
    // The NodeManagers' size is yarn.minicluster.yarn.nodemanager.resource.memory-mb (4 GB when
    // unset); this key does not size them. Kept as the cluster tests always had it (it was once
    // suspected of HdfsYarnIT's speculation failures; the speculator's 15 s back-off was the cause).
    if (conf.get("yarn.nodemanager.resource.memory-mb") == null) {
      conf.setInt("yarn.nodemanager.resource.memory-mb", 8192);
    }
    conf.setInt("yarn.scheduler.maximum-allocation-mb", 4096);
    // Container JVMs need the same JDK opens as this one (see the module's pom).
    String opens = System.getProperty("hadoop.java17.opens", "");
    conf.set(MRJobConfig.MR_AM_COMMAND_OPTS, "-Xmx1g " + opens);
    conf.set(MRJobConfig.MAP_JAVA_OPTS, "-Xmx1g " + opens);
    conf.set(MRJobConfig.REDUCE_JAVA_OPTS, "-Xmx1g " + opens);
    MiniMRYarnCluster yarn = new MiniMRYarnCluster(name, nodeManagers);
    yarn.init(conf);
    yarn.start();
    return new MiniHadoop(dfs, yarn);
  }

  /** A started client of the ResourceManager that {@code conf} names; the caller closes it. */
  static YarnClient yarnClient(Configuration conf) {
    YarnClient client = YarnClient.createYarnClient();
    client.init(conf);
    client.start();
    return client;
  }

  /** The application the ResourceManager accepted last. */
  ApplicationReport lastApplication() throws Exception {
    try (YarnClient client = yarnClient(yarn.getConfig())) {
      return client.getApplications().stream().max((a, b) -> Long.compare(a.getStartTime(), b.getStartTime())).orElseThrow();
    }
  }

  /**
   * The last application once it has a final status, waiting up to 60 s: in Spark's client mode
   * the driver exits after telling its application master to end, and the master unregisters from
   * the ResourceManager a moment later (one CI run read it still RUNNING).
   */
  ApplicationReport lastApplicationFinished() throws Exception {
    long until = System.nanoTime() + 60_000_000_000L;
    ApplicationReport app = lastApplication();
    while (app.getFinalApplicationStatus() == org.apache.hadoop.yarn.api.records.FinalApplicationStatus.UNDEFINED && System.nanoTime() < until) {
      Thread.sleep(200);
      app = lastApplication();
    }
    return app;
  }

  /**
   * Runs the same input on the local job runner into {@code local}, with the engine threads of a
   * 1-vcore container, and checks that the cluster run's three CSVs and pack manifest under
   * {@code run} on HDFS equal its own, byte for byte.
   */
  void assertSameAsEmbeddedRun(String run, Path input, Path local, String model) throws java.io.IOException {
    Configuration embedded = new Configuration();
    embedded.set("model.dir", io.fruits.features.SharedData.models().toString());
    embedded.setInt("engine.threads", 1);
    io.fruits.mapreduce.PipelineRun here = io.fruits.mapreduce.PipelineRun.of(embedded,
        "--input", input.toString(), "--output", local.toString(), "--model", model);
    org.junit.jupiter.api.Assertions.assertEquals(0, here.exitCode, here.stderr);
    for (String csv : new String[] {"features.csv", "pca.csv", "rejects.csv", "packed/manifest.csv"}) {
      try (java.io.InputStream in = dfs.getFileSystem().open(new org.apache.hadoop.fs.Path(run, csv))) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.nio.file.Files.readAllBytes(local.resolve(csv)), in.readAllBytes(), csv);
      }
    }
  }

  /**
   * A client's {@code HADOOP_CONF_DIR} for this cluster, as on an edge node: core-site and
   * yarn-site with only what a client needs (the mini clusters' own settings name test-only
   * classes, such as StaticMapping, that Spark's shaded Hadoop client does not carry).
   */
  Path writeClientConf(Path dir) throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir);
    Configuration running = yarn.getConfig();
    Configuration client = new Configuration(false);
    for (String key : java.util.List.of("fs.defaultFS", "yarn.resourcemanager.address", "yarn.resourcemanager.scheduler.address",
        "yarn.resourcemanager.webapp.address")) {
      client.set(key, running.get(key));
    }
    for (String file : java.util.List.of("core-site.xml", "yarn-site.xml")) {
      try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(dir.resolve(file))) {
        client.writeXml(out);
      }
    }
    return dir;
  }

  @Override
  public void close() {
    if (yarn != null) {
      yarn.stop();
    }
    if (dfs != null) {
      dfs.shutdown();
    }
  }
}
