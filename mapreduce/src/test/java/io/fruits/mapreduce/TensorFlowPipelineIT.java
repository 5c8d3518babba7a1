package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.ImageDecoder;
import io.fruits.features.ImagePreprocessor;
import io.fruits.features.ModelDescriptor;
import io.fruits.features.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fruits run} on the TensorFlow engine, on the local job runner: a Keras-style SavedModel
 * folder given as {@code model.path}, NHWC in and out. Every vector equals the plain-Java network;
 * rejects, ids and labels are those of an ONNX Runtime run on the same images.
 */
class TensorFlowPipelineIT {
  @TempDir Path tmp;

  @Test
  void theSavedModelRunsThePipelineLikeTheOnnxModel() throws Exception {
    Path in = tmp.resolve("in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Test"), in, 3, 5);
    Path firstClass;
    try (var dirs = Files.list(in)) {
      firstClass = dirs.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
    }
    Files.writeString(firstClass.resolve("broken.jpg"), "not an image");
    Path model = SavedModels.write("known", tmp.resolve("known"), SavedModels.KNOWN_SIZE);
    Path descriptor = SavedModels.knownDescriptor(tmp.resolve("elsewhere"), tmp.resolve("known.properties"));

    Configuration conf = new Configuration();
    conf.set("model.path", model.toString()); // -D wins over the descriptor's model.path
    Path out = tmp.resolve("tf");
    PipelineRun tf = PipelineRun.of(conf, "--input", in.toString(), "--output", out.toString(), "--model", descriptor.toString());
    assertEquals(0, tf.exitCode, tf.stderr);
    assertTrue(tf.stderr.contains("512-d vectors"), tf.stderr);

    Configuration onnx = new Configuration();
    onnx.set("model.dir", SharedData.models().toString());
    Path ref = tmp.resolve("onnx");
    PipelineRun r = PipelineRun.of(onnx, "--input", in.toString(), "--output", ref.toString(), "--model", "squeezenet1.1");
    assertEquals(0, r.exitCode, r.stderr);

    assertArrayEquals(Files.readAllBytes(ref.resolve("rejects.csv")), Files.readAllBytes(out.resolve("rejects.csv")), "rejects as with ONNX");
    List<List<String>> rows = ImageTrees.rows(out.resolve("features.csv"));
    List<List<String>> onnxRows = ImageTrees.rows(ref.resolve("features.csv"));
    assertEquals(onnxRows.stream().map(row -> row.subList(0, 2)).toList(), rows.stream().map(row -> row.subList(0, 2)).toList(), "ids and labels");
    assertEquals(15, rows.size());

    ModelDescriptor d = ModelDescriptor.forModel(descriptor.toString(), Map.of());
    ImagePreprocessor pre = new ImagePreprocessor(d, ImageDecoder.DEFAULT_MAX_PIXELS);
    double worst = 0;
    for (List<String> row : rows) {
      byte[] bytes = Files.readAllBytes(in.resolve(row.get(0)));
      float[] want = KnownStack.features(pre.resized(bytes, bytes.length).pixels(), SavedModels.KNOWN_SIZE);
      assertEquals(2 + want.length, row.size());
      for (int j = 0; j < want.length; j++) {
        worst = Math.max(worst, Math.abs(Float.parseFloat(row.get(2 + j)) - want[j]));
      }
    }
    System.out.println("[TensorFlowPipelineIT] features.csv vs plain Java, largest difference: " + worst);
    assertTrue(worst <= 1e-4, "largest difference " + worst);
    List<String> pca = Files.readAllLines(out.resolve("pca.csv"), StandardCharsets.UTF_8);
    assertEquals(16, pca.size(), "header and one row per vector");
    assertTrue(Files.readString(out.resolve("run.properties")).contains("model.engine=TensorFlow"));
  }
}
