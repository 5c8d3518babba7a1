package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * End-to-end check of decoding, colour order and normalisation: the whole SqueezeNet classifier,
 * run through our descriptor with flatten pooling, must call the shared kitten a tabby and the
 * finch a house finch, as the models' README says.
 */
class ImageNetSanityIT {
  @Test
  void squeezeNetRecognisesTheTestImages() throws Exception {
    Path models = SharedData.models();
    List<String> labels = new ArrayList<>();
    for (String line : Files.readAllLines(models.resolve("imagenet-labels.txt"))) {
      labels.add(line.substring(line.indexOf(',') + 1));
    }
    ModelDescriptor d = ModelDescriptor.of(Map.of(
        "model.preset", "squeezenet1.1",
        "model.path", models.resolve("squeezenet1.1.onnx").toString(),
        "model.sha256", "",
        "model.output.name", "softmaxout_1",
        "model.pooling", "flatten"));
    List<float[]> probs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (FeatureExtractor extractor = FeatureExtractor.open(d, new ModelLocator().locate(d), 2);
        FeatureBatcher batcher = new FeatureBatcher(extractor, 1, ImageDecoder.DEFAULT_MAX_PIXELS, SqueezeNetParityIT.collect(probs, ids))) {
      for (String name : List.of("kitten_224.png", "finch.jpeg")) {
        byte[] bytes = Files.readAllBytes(models.resolve("testdata").resolve(name));
        batcher.add(name, "", bytes, bytes.length);
      }
      batcher.flush();
    }
    assertEquals(1000, probs.get(0).length);
    int kitten = argmax(probs.get(0));
    assertEquals("tabby, tabby cat", labels.get(kitten));
    assertTrue(probs.get(0)[kitten] > 0.5, "tabby with " + probs.get(0)[kitten]);
    assertEquals("house finch, linnet, Carpodacus mexicanus", labels.get(argmax(probs.get(1))));
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
