package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared MobileNetV2 int8 through the product's own loading gives, on any processor, the vectors
 * of the model with its int8 weights and zero points rewritten as uint8 (plus 128: the same
 * arithmetic, which ONNX Runtime computes exactly everywhere), the test's independent reference.
 * With ONNX Runtime's defaults they are the same where the processor has VNNI, and not on AVX2
 * alone (printed, not asserted: it is the processor's, not the product's).
 */
class ExactInt8IT {
  @TempDir Path tmp;

  @Test
  void theProductsVectorsAreThoseOfTheModelWithUint8Weights() throws Exception {
    Path models = SharedData.models();
    Path stored = models.resolve("mobilenetv2-int8-features.onnx");
    Path unsignedFile = Files.write(tmp.resolve("unsigned-mobilenetv2.onnx"), UnsignedWeights.rewrite(Files.readAllBytes(stored)));
    List<Path> images = SqueezeNetParityIT.sampleImages();
    List<float[]> product = vectors(Map.of("model.preset", "mobilenetv2", "model.dir", models.toString()), images);
    List<float[]> reference = vectors(Map.of("model.preset", "mobilenetv2", "model.path", unsignedFile.toString(), "model.sha256", "",
        "model.int8", "fast"), images);
    List<float[]> fast = vectors(Map.of("model.preset", "mobilenetv2", "model.dir", models.toString(), "model.int8", "fast"), images);
    double largest = 0;
    for (int n = 0; n < images.size(); n++) {
      assertArrayEquals(reference.get(n), product.get(n), images.get(n).toString());
      for (int c = 0; c < product.get(n).length; c++) {
        largest = Math.max(largest, Math.abs(fast.get(n)[c] - product.get(n)[c]));
      }
    }
    System.out.println("ExactInt8IT: largest difference to ONNX Runtime's defaults on this processor " + largest);
  }

  private static List<float[]> vectors(Map<String, String> keys, List<Path> images) throws Exception {
    ModelDescriptor d = ModelDescriptor.of(keys);
    List<float[]> vectors = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (FeatureExtractor extractor = FeatureExtractor.open(d, new ModelLocator().locate(d), 2);
        FeatureBatcher batcher = new FeatureBatcher(extractor, 4, ImageDecoder.DEFAULT_MAX_PIXELS, SqueezeNetParityIT.collect(vectors, ids))) {
      for (Path p : images) {
        byte[] bytes = Files.readAllBytes(p);
        batcher.add(p.toString(), "x", bytes, bytes.length);
      }
      batcher.flush();
    }
    assertEquals(images.size(), vectors.size());
    return vectors;
  }
}
