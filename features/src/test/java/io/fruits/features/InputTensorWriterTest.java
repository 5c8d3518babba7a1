package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InputTensorWriterTest {
  /** A 2x1 image: pixel 0 is (10, 20, 30), pixel 1 is (40, 50, 60). */
  private static final RgbImage IMAGE = new RgbImage(new int[] {10 << 16 | 20 << 8 | 30, 40 << 16 | 50 << 8 | 60}, 2, 1);

  private static ModelDescriptor tiny(String... keyValues) {
    Map<String, String> m = new java.util.HashMap<>(Map.of("model.input.width", "2", "model.input.height", "1"));
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return ModelDescriptor.of(m);
  }

  @Test
  void vggStyleIsBgrMinusMeanChannelsFirst() {
    ModelDescriptor d = tiny("model.color", "BGR", "model.mean", "103.939,116.779,123.68");
    ImageBatch batch = new ImageBatch(d, 2);
    new InputTensorWriter(d).write(IMAGE, batch.buffer(), 1);
    int base = 6; // slot 1 of a [2,3,1,2] tensor
    assertEquals(30 - 103.939f, batch.buffer().get(base), 1e-4); // B of pixel 0
    assertEquals(60 - 103.939f, batch.buffer().get(base + 1), 1e-4); // B of pixel 1
    assertEquals(20 - 116.779f, batch.buffer().get(base + 2), 1e-4); // G of pixel 0
    assertEquals(10 - 123.68f, batch.buffer().get(base + 4), 1e-4); // R of pixel 0
  }

  @Test
  void torchStyleIsRgbScaledNormalisedChannelsLast() {
    ModelDescriptor d = tiny("model.input.layout", "NHWC", "model.scale", "0.00392156862745098",
        "model.mean", "0.485,0.456,0.406", "model.std", "0.229,0.224,0.225");
    ImageBatch batch = new ImageBatch(d, 1);
    new InputTensorWriter(d).write(IMAGE, batch.buffer(), 0);
    assertEquals((10 / 255f - 0.485f) / 0.229f, batch.buffer().get(0), 1e-5); // R of pixel 0
    assertEquals((20 / 255f - 0.456f) / 0.224f, batch.buffer().get(1), 1e-5); // G of pixel 0
    assertEquals((60 / 255f - 0.406f) / 0.225f, batch.buffer().get(5), 1e-5); // B of pixel 1
  }
}
