package io.fruits.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.EditionStage;
import io.fruits.features.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fruits bench --yarn} on a few images: all four runs end, their features agree, and what
 * the report says about YARN and HDFS holds against counts taken independently (the sample's
 * bytes on disk, the pipeline's own job structure, the executors asked for).
 */
class YarnBenchIT {
  @TempDir Path tmp;

  @Test
  void bothEditionsLocalAndOnYarnWithTheClustersOwnCounts() throws Exception {
    SharedData.require();
    Assumptions.assumeTrue(Files.isRegularFile(SparkJarOnHdfsIT.sparkJar()) && Files.isRegularFile(HdfsYarnIT.jobJar()),
        "SKIPPED: needs the job jar and the Spark jar (mvn package)");
    YarnBenchReport r = new YarnBench(tmp.resolve("bench"), "squeezenet1.1",
        java.util.Map.of("model.dir", SharedData.models().toString()), System.err).measure(SharedData.fruits(), 12);

    assertEquals(12, r.images());
    assertTrue(r.sameFeatures(), "features.csv differs between the runs");
    long inputBytes;
    try (Stream<Path> files = Files.walk(tmp.resolve("bench/images"))) {
      inputBytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    // Both editions read every image from HDFS at least once.
    assertTrue(r.mrHdfs().read() >= inputBytes && r.sparkHdfs().read() >= inputBytes, r.markdown());
    // Under 20,000 files the driver packs: then the features, stats and projection jobs, each one
    // application master plus at least one map task; the stats job has a reducer.
    assertEquals(3, r.total().jobs(), r.markdown());
    assertTrue(r.total().containers() >= 3 * 2 + 1, r.markdown());
    // Each job ships the shaded job jar to HDFS, as `hadoop jar` does on a real cluster.
    assertTrue(r.mrHdfs().written() >= 3 * Files.size(HdfsYarnIT.jobJar()), r.markdown());
    assertTrue(r.jobs().get("stats").shuffle() > 0, "the stats job shuffles its partial sums: " + r.markdown());
    // Spark: the two executors asked for, started once for the whole run.
    assertEquals(YarnBench.TASKS, r.sparkLog().executors(), r.markdown());
    assertTrue(r.sparkStartupSeconds() > 0 && r.total().startupSeconds() > 0, r.markdown());
    for (EditionStage row : EditionStage.ALL) {
      assertTrue(r.yarnMr().containsKey(row.mapReduce()) && r.yarnSpark().containsKey(row.spark()) && r.localMr().containsKey(row.mapReduce())
          && r.localSpark().containsKey(row.spark()), row.row() + " timed in every run: " + r.markdown());
    }
    String md = r.markdown();
    assertTrue(md.contains("| containers started, application masters included | " + r.total().containers() + " | " + (YarnBench.TASKS + 1) + " |"), md);
    System.out.println(md);
  }

  @Test
  void aFolderThatIsNotTheBenchsIsRefusedAndKept() throws Exception {
    Path notOurs = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notOurs.resolve("keep.txt"), "mine");
    Files.createDirectories(tmp.resolve("in"));
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = YarnBench.run(new String[] {"--yarn", "--input", tmp.resolve("in").toString(), "--model", "squeezenet1.1", "--output",
        notOurs.toString()}, System.out, new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("exists and is not a folder of fruits bench --yarn (no bench-yarn.properties); nothing was deleted"),
        err.toString());
    assertEquals("mine", Files.readString(notOurs.resolve("keep.txt")));
  }
}
