package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A 100 x 100 image's edge band is 2 pixels wide: 784 pixels. */
class StudioShotTest {
  private static RgbImage filled(int rgb) {
    int[] p = new int[100 * 100];
    Arrays.fill(p, rgb);
    return new RgbImage(p, 100, 100);
  }

  /** Paints the first {@code n} pixels of the edge band, row by row, in {@code rgb}. */
  private static RgbImage edgePainted(RgbImage image, int n, int rgb) {
    int painted = 0;
    for (int y = 0; y < 100 && painted < n; y++) {
      for (int x = 0; x < 100 && painted < n; x++) {
        if (y < 2 || y >= 98 || x < 2 || x >= 98) {
          image.pixels()[y * 100 + x] = rgb;
          painted++;
        }
      }
    }
    assertEquals(n, painted);
    return image;
  }

  @Test
  void aFruitOnWhiteIsAStudioShotEvenWhenItTouchesTheEdges() {
    RgbImage fruit = filled(0xFFFFFF);
    for (int y = 20; y < 80; y++) {
      Arrays.fill(fruit.pixels(), y * 100 + 20, y * 100 + 80, 0xC03020);
    }
    assertTrue(StudioShot.is(fruit));
    assertTrue(StudioShot.is(edgePainted(fruit, 392, 0xC03020)), "half of the band still white");
    assertFalse(StudioShot.is(edgePainted(fruit, 393, 0xC03020)), "less than half white");
  }

  @Test
  void nearWhiteMeansEveryChannelAtLeast200() {
    assertTrue(StudioShot.is(filled(0xC8C8C8)));
    assertFalse(StudioShot.is(filled(0xC7FFFF)), "red below 200");
    assertFalse(StudioShot.is(filled(0xFFC7FF)), "green below 200");
    assertFalse(StudioShot.is(filled(0xFFFFC7)), "blue below 200");
  }

  @Test
  void aPhotoOfAShelfIsNot() {
    RgbImage shelf = filled(0x806040);
    Arrays.fill(shelf.pixels(), 0, 100 * 40, 0xFFFFFF); // a white wall above the shelf
    assertFalse(StudioShot.is(shelf));
  }

  @Test
  void theBandIsOnePixelInSmallImages() {
    int[] p = new int[9];
    Arrays.fill(p, 0x000000);
    p[4] = 0xFFFFFF; // only the centre is white, and the centre is not on the edge
    assertFalse(StudioShot.is(new RgbImage(p, 3, 3)));
    Arrays.fill(p, 0xFFFFFF);
    p[4] = 0;
    assertTrue(StudioShot.is(new RgbImage(p, 3, 3)));
  }
}
