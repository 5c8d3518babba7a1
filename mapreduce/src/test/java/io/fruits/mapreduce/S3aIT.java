package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline reading {@code s3a://} input and writing {@code s3a://} output, served by a real
 * S3-compatible server ({@link S3Server}), with the model read from it too ({@code -Dmodel.path=s3a://...}).
 * The output must equal the embedded local run's.
 */
class S3aIT {
  @TempDir static Path tmp;
  static S3Server s3;
  static Configuration conf;

  @BeforeAll
  static void startS3() throws Exception {
    SharedData.require();
    s3 = S3Server.start("fruits", tmp.resolve("s3"));
    conf = s3.conf();
    conf.set("model.dir", SharedData.models().toString());
    conf.setInt("engine.threads", 1);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void s3aRunEqualsTheLocalRunAndCommitsWithTheS3aCommitter() throws Exception {
    Path local = s3.uploadSample(tmp);
    Path cache = tmp.resolve("model-cache");

    PipelineRun onS3 = PipelineRun.of(conf, "--input", s3.uri("images"), "--output", s3.uri("runs/one"), "--model", "squeezenet1.1",
        "-D", "model.path=" + s3.uri(S3Server.MODEL), "-D", "model.cache.dir=" + cache, "-D", "output.formats=csv,parquet");
    assertEquals(0, onS3.exitCode, onS3.stderr);
    assertEquals(s3.uri("runs/one/pca.csv"), onS3.fromEnd(1));
    assertFalse(onS3.stderr.contains(s3.secret()), "the secret key is never logged");
    try (var cached = Files.walk(cache.resolve("remote"))) {
      assertEquals(1, cached.filter(f -> f.getFileName().toString().equals("squeezenet1.1-features.onnx")).count(), "the model came from S3");
    }

    Path out = tmp.resolve("local-run");
    PipelineRun onDisk = PipelineRun.of(conf, "--input", local.toString(), "--output", out.toString(), "--model", "squeezenet1.1");
    assertEquals(0, onDisk.exitCode, onDisk.stderr);
    for (String csv : List.of("features.csv", "pca.csv", "rejects.csv")) {
      assertArrayEquals(Files.readAllBytes(out.resolve(csv)), s3.read("runs/one/" + csv), csv);
    }
    assertEquals(16, ImageTrees.rows(out.resolve("features.csv")).size() + ImageTrees.rows(out.resolve("rejects.csv")).size());

    for (String stage : List.of("features", "stats", "export")) {
      assertEquals("directory", s3.committerOf("runs/one/" + stage), stage);
    }
    // The Parquet parts went through the same S3A commit as the CSV parts.
    org.apache.hadoop.fs.Path parquet = new org.apache.hadoop.fs.Path(s3.uri("runs/one/export/parquet/features"));
    org.apache.hadoop.fs.FileStatus[] parts = parquet.getFileSystem(conf).listStatus(parquet, p -> p.getName().endsWith(".parquet"));
    assertTrue(parts.length >= 1 && parts[0].getLen() > 0, java.util.Arrays.toString(parts));
  }
}
