package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.FeatureExtractor;
import io.fruits.features.ImageBatch;
import io.fruits.features.ImageDecoder;
import io.fruits.features.ImagePreprocessor;
import io.fruits.features.ModelDescriptor;
import io.fruits.features.SharedData;
import io.fruits.features.TensorFlowSessionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.ConfigProto;

/**
 * DJL's TensorFlow engine on Keras-style SavedModels written by TensorFlow Java, with TensorFlow's
 * native library from Maven Central (TENSORFLOW_LIBRARY_PATH, set by the build): the known model's
 * vectors equal a plain-Java computation of the same network, and the VGG16 stack gives 512 values.
 */
class TensorFlowEngineIT {
  @TempDir static Path tmp;
  static Path known;

  @BeforeAll
  static void knownModel() throws Exception {
    SharedData.require();
    known = SavedModels.write("known", tmp.resolve("known"), SavedModels.KNOWN_SIZE);
  }

  @Test
  void knownModelVectorsEqualThePlainJavaNetwork() throws Exception {
    ModelDescriptor d = ModelDescriptor.forModel(SavedModels.knownDescriptor(known, tmp.resolve("known.properties")).toString(), Map.of());
    List<Path> all;
    try (Stream<Path> files = Files.walk(SharedData.fruits().resolve("Test"))) {
      all = files.filter(Files::isRegularFile).sorted().toList();
    }
    List<Path> photos = new ArrayList<>(); // 45 photos spread over the classes
    for (int k = 0; k < 45; k++) {
      photos.add(all.get(k * all.size() / 45));
    }
    ImagePreprocessor pre = new ImagePreprocessor(d, ImageDecoder.DEFAULT_MAX_PIXELS);
    List<float[]> expected = new ArrayList<>();
    List<ImageBatch> batches = new ArrayList<>();
    for (Path p : photos) {
      byte[] bytes = Files.readAllBytes(p);
      expected.add(KnownStack.features(pre.resized(bytes, bytes.length).pixels(), SavedModels.KNOWN_SIZE));
      if (batches.isEmpty() || batches.get(batches.size() - 1).count() == 16) {
        batches.add(new ImageBatch(d, 16)); // 45 images: two full batches and a part of one
      }
      ImageBatch b = batches.get(batches.size() - 1);
      pre.prepare(bytes, bytes.length, b, b.count());
      b.setCount(b.count() + 1);
    }
    double worst = 0;
    int i = 0;
    try (FeatureExtractor engine = FeatureExtractor.open(d, known, 2)) {
      for (ImageBatch b : batches) {
        for (float[] v : engine.extract(b)) {
          float[] want = expected.get(i++);
          assertEquals(512, v.length);
          for (int j = 0; j < v.length; j++) {
            worst = Math.max(worst, Math.abs(v[j] - want[j]));
          }
        }
      }
    }
    assertEquals(photos.size(), i);
    System.out.println("[TensorFlowEngineIT] " + i + " photos, largest difference to plain Java: " + worst);
    assertTrue(worst <= 1e-4, "largest difference " + worst);
    assertTrue(expected.stream().allMatch(v -> nonZero(v) > 100), "ReLU leaves most of each map non-zero");
  }

  @Test
  void theVgg16StackAtTheVgg16PresetGives512Values() throws Exception {
    Path vgg = SavedModels.write("vgg16", tmp.resolve("vgg16"), 224);
    ModelDescriptor d = ModelDescriptor.forModel("vgg16", Map.of("model.engine", "TensorFlow", "model.path", vgg.toString(),
        "model.input.name", "input_1", "model.input.layout", "NHWC", "model.output.layout", "NHWC"));
    try (FeatureExtractor engine = FeatureExtractor.open(d, vgg, 2)) {
      assertEquals(512, engine.dimension(), "block5_pool is 7x7x512; max pooling keeps 512");
    }
  }

  @Test
  void theThreadSettingIsTensorFlowsOwnConfigProto() throws Exception {
    ConfigProto config = ConfigProto.parseFrom(Base64.getDecoder().decode(TensorFlowSessionConfig.threads(3, 1)));
    assertEquals(3, config.getIntraOpParallelismThreads());
    assertEquals(1, config.getInterOpParallelismThreads());
    config = ConfigProto.parseFrom(Base64.getDecoder().decode(TensorFlowSessionConfig.threads(300, 2)));
    assertEquals(300, config.getIntraOpParallelismThreads(), "a two-byte varint");
    assertEquals(2, config.getInterOpParallelismThreads());
  }

  private static int nonZero(float[] v) {
    int n = 0;
    for (float x : v) {
      n += x != 0 ? 1 : 0;
    }
    return n;
  }
}
