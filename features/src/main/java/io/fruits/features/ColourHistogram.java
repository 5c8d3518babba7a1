package io.fruits.features;

/**
 * A colour histogram of the model-sized image, appended to the CNN's vector when a descriptor asks
 * for it ({@code model.histogram=hsv}). ImageNet's CNNs are trained to see through colour changes,
 * and fruit families differ by colour (a lime and a Granny Smith, an orange and a grapefruit): 18
 * hues by 3 saturations for coloured pixels, 4 grey levels for the rest, each bin the square root
 * of its share of the pixels, so that a few big bins do not drown the small ones.
 */
public final class ColourHistogram {
  private static final int HUES = 18;
  private static final int SATURATIONS = 3;
  private static final int GREYS = 4;
  /** Below this saturation or value a pixel has no hue worth the name. */
  private static final float GREY = 0.15f;
  private static final float DARK = 0.1f;
  /** The values it appends. */
  public static final int SIZE = HUES * SATURATIONS + GREYS;

  private ColourHistogram() {}

  /**
   * The bin of each colour at 5 bits a channel (32 KB), so that a pixel costs a lookup, not a hue:
   * the histogram is computed beside the engine, on the threads that decode and resize.
   */
  private static final byte[] BINS = new byte[1 << 15];

  static {
    for (int c = 0; c < BINS.length; c++) {
      int r = ((c >> 10) << 3) + 4;
      int g = (((c >> 5) & 31) << 3) + 4;
      int b = ((c & 31) << 3) + 4;
      BINS[c] = (byte) bin(r << 16 | g << 8 | b);
    }
  }

  /** Writes the histogram of {@code image} into {@code out[0..SIZE)}. */
  public static void of(RgbImage image, float[] out) {
    java.util.Arrays.fill(out, 0, SIZE, 0f);
    int[] p = image.pixels();
    int cells = image.width() * image.height();
    for (int i = 0; i < cells; i++) {
      int rgb = p[i];
      out[BINS[(rgb >> 9) & 0x7c00 | (rgb >> 6) & 0x3e0 | (rgb >> 3) & 0x1f]]++;
    }
    for (int b = 0; b < SIZE; b++) {
      out[b] = (float) Math.sqrt(out[b] / cells);
    }
  }

  static int bin(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    int max = Math.max(r, Math.max(g, b));
    int min = Math.min(r, Math.min(g, b));
    float value = max / 255f;
    float saturation = max == 0 ? 0 : (max - min) / (float) max;
    if (saturation < GREY || value < DARK) {
      return HUES * SATURATIONS + Math.min(GREYS - 1, (int) (value * GREYS));
    }
    float hue = hue(r, g, b, max, max - min);
    int s = Math.min(SATURATIONS - 1, (int) ((saturation - GREY) / (1 - GREY) * SATURATIONS));
    return Math.min(HUES - 1, (int) (hue * HUES)) * SATURATIONS + s;
  }

  /** Hue in [0, 1): red 0, green 1/3, blue 2/3. */
  private static float hue(int r, int g, int b, int max, int range) {
    float h;
    if (max == r) {
      h = (g - b) / (float) range / 6f;
    } else if (max == g) {
      h = (2f + (b - r) / (float) range) / 6f;
    } else {
      h = (4f + (r - g) / (float) range) / 6f;
    }
    return h < 0 ? h + 1 : h;
  }
}
