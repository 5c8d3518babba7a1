package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BilinearResizerTest {
  private static RgbImage grey(int w, int h, int... values) {
    int[] p = new int[w * h];
    for (int i = 0; i < p.length; i++) {
      p[i] = values[i] << 16 | values[i] << 8 | values[i];
    }
    return new RgbImage(p, w, h);
  }

  private static int[] reds(RgbImage img) {
    int[] r = new int[img.width() * img.height()];
    for (int i = 0; i < r.length; i++) {
      r[i] = (img.pixels()[i] >> 16) & 0xff;
    }
    return r;
  }

  @Test
  void sameSizeIsIdentity() {
    RgbImage src = grey(3, 2, 1, 2, 3, 4, 5, 6);
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, reds(new BilinearResizer(3, 2, false).resize(src)));
  }

  @Test
  void upscalingUsesPixelCentres() {
    // Output centres 0.5,1.5,2.5,3.5 map to source -0.25 (clamped), 0.25, 0.75, 1.25 (clamped).
    RgbImage out = new BilinearResizer(4, 1, false).resize(grey(2, 1, 0, 100));
    assertArrayEquals(new int[] {0, 25, 75, 100}, reds(out));
  }

  @Test
  void downscalingByTwoAveragesPairs() {
    RgbImage out = new BilinearResizer(2, 1, false).resize(grey(4, 1, 0, 100, 200, 250));
    assertArrayEquals(new int[] {50, 225}, reds(out));
  }

  @Test
  void cropTakesTheCentredSquare() {
    // 4x1 -> 1x1 crop keeps the centre 1x1 region, i.e. source x in [1.5, 2.5]: sample at 2.0 - 0.5.
    RgbImage out = new BilinearResizer(1, 1, true).resize(grey(4, 1, 0, 100, 200, 250));
    assertEquals(150, reds(out)[0]);
  }

  @Test
  void channelsAreResizedIndependently() {
    int[] p = new int[4];
    Arrays.fill(p, 0x10_80_F0);
    RgbImage out = new BilinearResizer(3, 3, false).resize(new RgbImage(p, 2, 2));
    for (int i = 0; i < 9; i++) {
      assertEquals(0x10_80_F0, out.pixels()[i]);
    }
  }

  static RgbImage noise(int w, int h, long seed) {
    java.util.Random r = new java.util.Random(seed);
    int[] p = new int[w * h];
    for (int i = 0; i < p.length; i++) {
      p[i] = r.nextInt(1 << 24);
    }
    return new RgbImage(p, w, h);
  }

  /** Textbook bilinear with pixel centres, in doubles, one output value. */
  private static double reference(RgbImage src, int outW, int outH, int x, int y, int shift) {
    double fx = Math.max(0, Math.min((x + 0.5) * src.width() / outW - 0.5, src.width() - 1));
    double fy = Math.max(0, Math.min((y + 0.5) * src.height() / outH - 0.5, src.height() - 1));
    int x0 = (int) fx;
    int y0 = (int) fy;
    int x1 = Math.min(x0 + 1, src.width() - 1);
    int y1 = Math.min(y0 + 1, src.height() - 1);
    double ax = fx - x0;
    double ay = fy - y0;
    java.util.function.BiFunction<Integer, Integer, Integer> v = (xx, yy) -> (src.pixels()[yy * src.width() + xx] >> shift) & 0xff;
    return (v.apply(x0, y0) * (1 - ax) + v.apply(x1, y0) * ax) * (1 - ay) + (v.apply(x0, y1) * (1 - ax) + v.apply(x1, y1) * ax) * ay;
  }

  @Test
  void fruitsSizeUpscaleMatchesTextbookBilinear() {
    RgbImage src = noise(100, 100, 7);
    RgbImage out = new BilinearResizer(224, 224, false).resize(src);
    for (int y = 0; y < 224; y++) {
      for (int x = 0; x < 224; x++) {
        for (int shift = 0; shift <= 16; shift += 8) {
          int got = (out.pixels()[y * 224 + x] >> shift) & 0xff;
          // Fixed-point weights in 1/1024: within one level of the exact value.
          assertEquals(reference(src, 224, 224, x, y, shift), got, 1.0, "x=" + x + " y=" + y + " shift=" + shift);
        }
      }
    }
  }

  @Test
  void aReusedResizerForgetsThePreviousImage() {
    BilinearResizer reused = new BilinearResizer(224, 224, false);
    reused.resize(noise(100, 100, 1));
    int[] second = reused.resize(noise(100, 100, 2)).pixels().clone();
    assertArrayEquals(new BilinearResizer(224, 224, false).resize(noise(100, 100, 2)).pixels(), second);
  }
}
