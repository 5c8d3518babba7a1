package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AreaReducerTest {
  /** The mean of one channel over the {@code f} x {@code f} block at output ({@code x}, {@code y}). */
  private static double blockMean(RgbImage src, int f, int x, int y, int shift) {
    double sum = 0;
    for (int yy = y * f; yy < (y + 1) * f; yy++) {
      for (int xx = x * f; xx < (x + 1) * f; xx++) {
        sum += (src.pixels()[yy * src.width() + xx] >> shift) & 0xff;
      }
    }
    return sum / (f * f);
  }

  @Test
  void eachOutputPixelIsTheRoundedMeanOfItsBlockAndLeftoversAreDropped() {
    int[] p = {0, 1, 255, 3, 9, 0, 2, 7, 100}; // 9 x 1, grey in red only
    for (int i = 0; i < p.length; i++) {
      p[i] <<= 16;
    }
    RgbImage out = new AreaReducer().reduce(new RgbImage(p, 9, 1), 2, 1);
    assertEquals(4, out.width());
    int[] reds = new int[4];
    for (int i = 0; i < 4; i++) {
      reds[i] = out.pixels()[i] >> 16;
    }
    assertArrayEquals(new int[] {1, 129, 5, 5}, reds, "0.5 -> 1, 129, 4.5 -> 5, 4.5 -> 5; the ninth pixel is dropped");
  }

  @Test
  void factorsOfOneReturnTheImageItselfAndOthersAreChecked() {
    RgbImage img = BilinearResizerTest.noise(4, 4, 1);
    assertSame(img, new AreaReducer().reduce(img, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new AreaReducer().reduce(img, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new AreaReducer().reduce(img, 5, 1));
  }

  @Test
  void aPhotoTenTimesTheInputIsAveragedNotSampled() {
    // Bilinear alone would read 2 x 2 of each 10 x 10 block: noise in, noise out.
    RgbImage src = BilinearResizerTest.noise(2240, 2240, 7);
    RgbImage out = new BilinearResizer(224, 224, false).resize(src);
    for (int y = 0; y < 224; y++) {
      for (int x = 0; x < 224; x++) {
        for (int shift = 0; shift <= 16; shift += 8) {
          assertEquals(blockMean(src, 10, x, y, shift), (out.pixels()[y * 224 + x] >> shift) & 0xff, 0.5, "x=" + x + " y=" + y);
        }
      }
    }
  }

  @Test
  void theCropsFactorComesFromTheRegionItKeeps() {
    // 1280 x 720 to 224 x 224, centre crop: the 720 x 720 square holds 224 three times (not 1280 / 224 = 5
    // across), so the columns are reduced by 3 as well and the crop stays the central square, white here
    // (with 5 across, it would reach columns 40 to 1240, black).
    int[] p = new int[1280 * 720];
    for (int y = 0; y < 720; y++) {
      for (int x = 260; x < 1020; x++) {
        p[y * 1280 + x] = 0xFFFFFF;
      }
    }
    RgbImage out = new BilinearResizer(224, 224, true).resize(new RgbImage(p, 1280, 720));
    for (int i = 0; i < 224 * 224; i++) {
      assertEquals(0xFFFFFF, out.pixels()[i], "pixel " + i + " lies inside the white centre square");
    }
  }

  @Test
  void aCropOfExactlyThreeTimesTheInputIsReducedByThree() {
    // 1000 x 672 to 224 x 224: the centred 672 x 672 square is 3 x 224 on both axes. Recomputing its
    // width as 1000 x (672 / 1000) once gave 671.99... and a factor of 2 across.
    RgbImage photo = BilinearResizerTest.noise(1000, 672, 5);
    RgbImage byThree = new AreaReducer().reduce(photo, 3, 3);
    int[] expected = new BilinearResizer(224, 224, true).resize(byThree).pixels().clone();
    assertArrayEquals(expected, new BilinearResizer(224, 224, true).resize(photo).pixels());
  }
}
