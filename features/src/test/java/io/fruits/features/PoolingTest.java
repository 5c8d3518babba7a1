package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PoolingTest {
  // Batch of 2 images, 2 channels, 3 cells, channels first: image 1 is the second half.
  private static final float[] NCHW = {1, 5, 3, -1, -2, -3, 7, 8, 9, 0, 0, 6};

  @Test
  void maxAndAvgChannelsFirst() {
    float[] out = new float[2];
    Pooling.MAX.pool(NCHW, 1, 2, 3, false, out);
    assertArrayEquals(new float[] {9, 6}, out);
    Pooling.AVG.pool(NCHW, 0, 2, 3, false, out);
    assertArrayEquals(new float[] {3, -2}, out);
  }

  @Test
  void maxChannelsLast() {
    // Image 0 as [H*W=3, C=2]: cells (1,5) (3,-1) (-2,-3).
    float[] out = new float[2];
    Pooling.MAX.pool(NCHW, 0, 2, 3, true, out);
    assertArrayEquals(new float[] {3, 5}, out);
  }

  @Test
  void flattenCopiesTheImagesMap() {
    float[] out = new float[Pooling.FLATTEN.dimension(2, 3)];
    Pooling.FLATTEN.pool(NCHW, 1, 2, 3, false, out);
    assertArrayEquals(new float[] {7, 8, 9, 0, 0, 6}, out);
  }

  @Test
  void unknownPoolingSaysWhatToUse() {
    assertEquals("unknown pooling 'median'; use max, avg or flatten (model.pooling)",
        assertThrows(IllegalArgumentException.class, () -> Pooling.parse("median")).getMessage());
  }
}
