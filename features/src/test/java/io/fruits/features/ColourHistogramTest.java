package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The colour histogram against hand-worked bins and against java.awt's own HSB conversion, which
 * shares no code with it.
 */
class ColourHistogramTest {
  private static final int COLOURED = 54; // 18 hues x 3 saturations; the 4 grey bins follow

  @Test
  void pureColoursFallInTheirHueAtFullSaturationAndGreysInTheirLevel() {
    assertEquals(2, ColourHistogram.bin(0xff0000), "red: hue 0, saturated");
    assertEquals(6 * 3 + 2, ColourHistogram.bin(0x00ff00), "green: hue 1/3");
    assertEquals(12 * 3 + 2, ColourHistogram.bin(0x0000ff), "blue: hue 2/3");
    assertEquals(3 * 3 + 2, ColourHistogram.bin(0xffff00), "yellow: hue 1/6");
    assertEquals(3 * 3, ColourHistogram.bin(0xffffcc), "pale yellow: saturation 0.2, the lowest band");
    assertEquals(COLOURED + 3, ColourHistogram.bin(0xffffff), "white");
    assertEquals(COLOURED, ColourHistogram.bin(0x000000), "black");
    assertEquals(COLOURED + 2, ColourHistogram.bin(0x808080), "mid grey");
    assertEquals(COLOURED, ColourHistogram.bin(0x140000), "a red too dark to have a hue");
  }

  @Test
  void binsAreSquareRootsOfShares() {
    int[] pixels = new int[100];
    java.util.Arrays.fill(pixels, 0, 75, 0xffffff);
    java.util.Arrays.fill(pixels, 75, 100, 0xff0000);
    float[] h = new float[ColourHistogram.SIZE];
    ColourHistogram.of(new RgbImage(pixels, 10, 10), h);
    assertEquals(Math.sqrt(0.75), h[COLOURED + 3], 1e-6);
    assertEquals(Math.sqrt(0.25), h[2], 1e-6);
    double squares = 0;
    for (float v : h) {
      squares += v * v;
    }
    assertEquals(1, squares, 1e-6, "the shares sum to one");
  }

  /** The lookup table works on 5 bits a channel; it must still agree with the exact colour of nearly every pixel. */
  @Test
  void agreesWithJavaAwtHsbOnRandomColours() {
    Random random = new Random(7);
    int n = 200 * 200;
    int[] pixels = new int[n];
    double[] exact = new double[ColourHistogram.SIZE];
    float[] hsb = new float[3];
    for (int i = 0; i < n; i++) {
      pixels[i] = random.nextInt(1 << 24);
      Color.RGBtoHSB(pixels[i] >> 16 & 255, pixels[i] >> 8 & 255, pixels[i] & 255, hsb);
      exact[awtBin(hsb)] += 1.0 / n;
    }
    float[] ours = new float[ColourHistogram.SIZE];
    ColourHistogram.of(new RgbImage(pixels, 200, 200), ours);
    double moved = 0;
    for (int b = 0; b < ColourHistogram.SIZE; b++) {
      moved += Math.abs(ours[b] * ours[b] - exact[b]);
    }
    assertTrue(moved / 2 < 0.05, "share of pixels in another bin than their exact colour's: " + moved / 2);
  }

  private static int awtBin(float[] hsb) {
    if (hsb[1] < 0.15f || hsb[2] < 0.1f) {
      return COLOURED + Math.min(3, (int) (hsb[2] * 4));
    }
    return Math.min(17, (int) (hsb[0] * 18)) * 3 + Math.min(2, (int) ((hsb[1] - 0.15f) / 0.85f * 3));
  }
}
