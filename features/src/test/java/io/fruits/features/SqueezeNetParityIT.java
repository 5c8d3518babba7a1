package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The DJL path (batched, prefetching, pooled in Java) against a plain ONNX Runtime call with no
 * framework, one image at a time, on the same decoded and resized pixels. The reference builds its
 * own input tensor (BGR, 0..255, NCHW) and does its own max pooling.
 */
class SqueezeNetParityIT {
  @Test
  void djlFeaturesEqualPlainOnnxRuntime() throws Exception {
    Path models = SharedData.models();
    List<Path> images = sampleImages();
    ModelDescriptor d = ModelDescriptor.of(Map.of("model.preset", "squeezenet1.1", "model.dir", models.toString()));
    Path modelFile = new ModelLocator().locate(d);

    List<float[]> ours = new ArrayList<>();
    List<String> order = new ArrayList<>();
    try (FeatureExtractor extractor = FeatureExtractor.open(d, modelFile, 2);
        FeatureBatcher batcher = new FeatureBatcher(extractor, 3, ImageDecoder.DEFAULT_MAX_PIXELS, collect(ours, order))) {
      for (Path p : images) {
        byte[] bytes = Files.readAllBytes(p);
        batcher.add(p.toString(), "x", bytes, bytes.length);
      }
      batcher.flush();
    }
    assertEquals(images.size(), ours.size());

    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(modelFile.toString(), new OrtSession.SessionOptions())) {
      ImagePreprocessor pre = new ImagePreprocessor(d, ImageDecoder.DEFAULT_MAX_PIXELS);
      for (int n = 0; n < images.size(); n++) {
        assertEquals(images.get(n).toString(), order.get(n), "results come back in input order");
        byte[] bytes = Files.readAllBytes(images.get(n));
        float[] expected = reference(env, session, pre.resized(bytes, bytes.length));
        float[] actual = ours.get(n);
        assertEquals(512, actual.length);
        for (int c = 0; c < 512; c++) {
          assertEquals(expected[c], actual[c], 1e-4 * Math.max(1, Math.abs(expected[c])), images.get(n) + " channel " + c);
        }
      }
    }
  }

  private static float[] reference(OrtEnvironment env, OrtSession session, RgbImage img) throws Exception {
    int w = img.width();
    int h = img.height();
    float[] input = new float[3 * h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        input[y * w + x] = img.blue(x, y);
        input[h * w + y * w + x] = img.green(x, y);
        input[2 * h * w + y * w + x] = img.red(x, y);
      }
    }
    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, h, w});
        OrtSession.Result r = session.run(Map.of("data_0", t))) {
      float[][][][] map = (float[][][][]) r.get("fire9/concat_1").get().getValue();
      float[] pooled = new float[map[0].length];
      for (int c = 0; c < pooled.length; c++) {
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : map[0][c]) {
          for (float v : row) {
            max = Math.max(max, v);
          }
        }
        pooled[c] = max;
      }
      return pooled;
    }
  }

  /** Seven 100x100 Fruits-360 images of different classes and one original-size photo. */
  static List<Path> sampleImages() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> classes = Files.list(SharedData.fruits().resolve("Test")).sorted()) {
      for (Path c : classes.limit(7).toList()) {
        try (Stream<Path> files = Files.list(c).sorted()) {
          out.add(files.findFirst().orElseThrow());
        }
      }
    }
    Path large = SharedData.require().resolve("data/fruits-360-original-size/Training");
    try (Stream<Path> files = Files.walk(large).filter(Files::isRegularFile).sorted()) {
      out.add(files.findFirst().orElseThrow());
    }
    return out;
  }

  static FeatureBatcher.Sink collect(List<float[]> vectors, List<String> ids) {
    return new FeatureBatcher.Sink() {
      @Override
      public void vector(String id, String label, float[] vector) {
        ids.add(id);
        vectors.add(vector);
      }

      @Override
      public void reject(String id, String label, RejectReason reason, String detail) {
        throw new AssertionError("unexpected reject of " + id + ": " + reason + " " + detail);
      }
    };
  }
}
