package io.fruits.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.RunFiles;
import io.fruits.features.SharedData;
import io.fruits.features.Sha256;
import io.fruits.mapreduce.PipelineRun;
import io.fruits.mapreduce.S3Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark edition with everything on a real S3-compatible server: images, the model
 * ({@code -Dmodel.path=s3a://...}, fetched into the model cache) and the output, committed by the
 * S3A committer. The features must equal the MapReduce edition's on the same images from disk.
 */
class SparkS3aIT {
  @TempDir static Path tmp;
  static S3Server s3;

  @BeforeAll
  static void startS3() throws Exception {
    SharedData.require();
    s3 = S3Server.start("fruits", tmp.resolve("s3"));
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void imagesModelAndOutputOnS3() throws Exception {
    Path local = s3.uploadSample(tmp);
    Path cache = tmp.resolve("model-cache");

    List<String> args = new ArrayList<>(List.of("--input", s3.uri("images"), "--output", s3.uri("runs/spark"), "--model", "squeezenet1.1",
        "--master", "local[2]", "-D", "pca.k=4", "-D", "model.path=" + s3.uri(S3Server.MODEL),
        "-D", "model.cache.dir=" + cache));
    args.addAll(List.of(s3.defines()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SparkMain.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, stderr);
    assertTrue(out.toString(StandardCharsets.UTF_8).endsWith(s3.uri("runs/spark/pca.csv") + "\n"), out.toString(StandardCharsets.UTF_8));
    assertFalse(stderr.contains(s3.secret()), "the secret key is never logged");
    try (var cached = Files.walk(cache.resolve("remote"))) {
      assertEquals(1, cached.filter(f -> f.getFileName().toString().equals("squeezenet1.1-features.onnx")).count(), "the model came from S3");
    }

    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    Path mr = tmp.resolve("mr");
    PipelineRun onDisk = PipelineRun.of(conf, "--input", local.toString(), "--output", mr.toString(), "--model", "squeezenet1.1", "-D", "pca.k=4");
    assertEquals(0, onDisk.exitCode, onDisk.stderr);
    assertArrayEquals(Files.readAllBytes(mr.resolve("features.csv")), s3.read("runs/spark/features.csv"));
    assertArrayEquals(Files.readAllBytes(mr.resolve("rejects.csv")), s3.read("runs/spark/rejects.csv"));
    String settings = new String(s3.read("runs/spark/run.properties"), StandardCharsets.UTF_8);
    assertTrue(settings.contains(RunFiles.MODEL_SHA256 + "=" + Sha256.of(SharedData.models().resolve("squeezenet1.1-features.onnx"))), settings);
    assertEquals("directory", s3.committerOf("runs/spark/export/csv/features"));
    assertEquals("directory", s3.committerOf("runs/spark/export/csv/pca"));
  }
}
