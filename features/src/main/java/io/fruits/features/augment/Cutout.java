package io.fruits.features.augment;

import io.fruits.features.RgbImage;

/**
 * A fruit lifted off its white background: the near-white pixels reachable from the border are
 * background (alpha 0), the rest is fruit (alpha 1) less its outermost ring (white blended in by
 * JPEG) and with a half-transparent edge, so that pasted fruit shows no white halo. Flooding from
 * the border keeps white parts inside the fruit (a cut onion, a highlight). When the fruit would be under a twentieth of the picture (a white
 * fruit that the flood ate, a photo that is not on white), the whole picture is kept instead.
 */
public record Cutout(int[] pixels, float[] alpha, int width, int height, int left, int top, int right, int bottom) {
  /** Every channel at least this bright, and nearly grey: Fruits-360's background with its JPEG noise. */
  static final int WHITE = 225;
  static final int GREY_SPREAD = 30;
  static final double MIN_FRUIT_SHARE = 0.05;
  /** Fruits-360's fruit touches some of the frame; a photo's border is rarely half white. */
  static final double MIN_WHITE_BORDER = 0.5;

  /** The bounding box of the fruit, inclusive-exclusive. */
  public int boxWidth() {
    return right - left;
  }

  public int boxHeight() {
    return bottom - top;
  }

  /** Most of the border is near-white: a fruit photographed on white, as in Fruits-360. */
  public static boolean onWhite(RgbImage image) {
    int w = image.width();
    int h = image.height();
    int white = 0;
    for (int x = 0; x < w; x++) {
      white += (whiteish(image.pixels()[x]) ? 1 : 0) + (whiteish(image.pixels()[(h - 1) * w + x]) ? 1 : 0);
    }
    for (int y = 0; y < h; y++) {
      white += (whiteish(image.pixels()[y * w]) ? 1 : 0) + (whiteish(image.pixels()[y * w + w - 1]) ? 1 : 0);
    }
    return white >= MIN_WHITE_BORDER * 2 * (w + h);
  }

  public static Cutout of(RgbImage image) {
    int w = image.width();
    int h = image.height();
    int[] px = java.util.Arrays.copyOf(image.pixels(), w * h); // decoders reuse their buffer
    boolean[] background = new boolean[w * h];
    int[] stack = new int[w * h];
    int size = 0;
    for (int x = 0; x < w; x++) {
      size = seed(px, background, stack, size, x);
      size = seed(px, background, stack, size, (h - 1) * w + x);
    }
    for (int y = 0; y < h; y++) {
      size = seed(px, background, stack, size, y * w);
      size = seed(px, background, stack, size, y * w + w - 1);
    }
    while (size > 0) {
      int i = stack[--size];
      int x = i % w;
      int y = i / w;
      if (x > 0) size = seed(px, background, stack, size, i - 1);
      if (x < w - 1) size = seed(px, background, stack, size, i + 1);
      if (y > 0) size = seed(px, background, stack, size, i - w);
      if (y < h - 1) size = seed(px, background, stack, size, i + w);
    }
    // The outermost ring of the fruit is mostly JPEG-blended white: dropped; the next is half transparent.
    boolean[] rim = ring(background, w, h);
    for (int i = 0; i < rim.length; i++) {
      background[i] |= rim[i];
    }
    boolean[] edge = ring(background, w, h);
    float[] alpha = new float[w * h];
    int fruit = 0;
    int left = w, top = h, right = 0, bottom = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (background[i]) {
          continue;
        }
        fruit++;
        alpha[i] = edge[i] ? 0.5f : 1f;
        left = Math.min(left, x);
        top = Math.min(top, y);
        right = Math.max(right, x + 1);
        bottom = Math.max(bottom, y + 1);
      }
    }
    if (fruit < MIN_FRUIT_SHARE * w * h) {
      java.util.Arrays.fill(alpha, 1f);
      return new Cutout(px, alpha, w, h, 0, 0, w, h);
    }
    return new Cutout(px, alpha, w, h, left, top, right, bottom);
  }

  /** The pixels that are not background but touch it. */
  private static boolean[] ring(boolean[] background, int w, int h) {
    boolean[] ring = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        ring[i] = !background[i] && ((x > 0 && background[i - 1]) || (x < w - 1 && background[i + 1])
            || (y > 0 && background[i - w]) || (y < h - 1 && background[i + w]));
      }
    }
    return ring;
  }

  private static int seed(int[] px, boolean[] background, int[] stack, int size, int i) {
    if (background[i] || !whiteish(px[i])) {
      return size;
    }
    background[i] = true;
    stack[size] = i;
    return size + 1;
  }

  static boolean whiteish(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    int min = Math.min(r, Math.min(g, b));
    int max = Math.max(r, Math.max(g, b));
    return min >= WHITE && max - min <= GREY_SPREAD;
  }
}
