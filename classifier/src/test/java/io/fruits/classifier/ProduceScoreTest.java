package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The produce score from logits and from probabilities, by hand. */
class ProduceScoreTest {
  @Test
  void probabilitiesAreSummedOverTheProduceClasses() {
    float[] p = new float[1000];
    p[950] = 0.3f; // orange
    p[954] = 0.2f; // banana
    p[281] = 0.5f; // tabby cat
    assertEquals(0.5, ProduceScore.of(p), 1e-6);
  }

  @Test
  void logitsGoThroughASoftmaxFirst() {
    // All equal logits: each class 1/1000; 24 produce classes (936..957, 987, 998).
    assertEquals(24 / 1000.0, ProduceScore.of(new float[1000]), 1e-9);
    float[] z = new float[1000];
    z[948] = (float) Math.log(1000); // Granny Smith: e^z = 1000 against 999 ones
    assertEquals((1000 + 23) / (1000.0 + 999), ProduceScore.of(z), 1e-6);
  }

  @Test
  void onlyImagenetOutputsAreScored() {
    assertThrows(IllegalArgumentException.class, () -> ProduceScore.of(new float[512]));
  }
}
