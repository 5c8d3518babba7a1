package io.fruits.features.augment;

import java.util.SplittableRandom;

/**
 * Drawn backgrounds for pasted fruit: flat, gradient, mottled (a blurred scene), stripes (planks,
 * shelves, crates) and tiles (cloths, counters), in colours that are rarely white. They are drawn
 * rather than taken from photos because no shared photo is free of fruit: a crate of apples
 * behind a pasted banana would teach the wrong label.
 */
enum Background {
  FLAT, GRADIENT, MOTTLED, STRIPES, TILES;

  /** A {@code size} x {@code size} background of a kind chosen by {@code random}. */
  static int[] draw(SplittableRandom random, int size) {
    Background kind = values()[random.nextInt(values().length)];
    int[] px = new int[size * size];
    int a = colour(random);
    int b = colour(random);
    switch (kind) {
      case FLAT -> java.util.Arrays.fill(px, a);
      case GRADIENT -> {
        double angle = random.nextDouble(Math.PI * 2);
        double cx = Math.cos(angle) / size;
        double cy = Math.sin(angle) / size;
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            px[y * size + x] = mix(a, b, clamp01(0.5 + (x - size / 2.0) * cx + (y - size / 2.0) * cy));
          }
        }
      }
      case MOTTLED -> mottled(random, px, size);
      case STRIPES -> {
        double angle = random.nextDouble(Math.PI);
        double period = size / (2.0 + random.nextDouble(10));
        double cx = Math.cos(angle) * 2 * Math.PI / period;
        double cy = Math.sin(angle) * 2 * Math.PI / period;
        double sharp = 1 + random.nextDouble(6); // soft grain to hard plank edges
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            double s = Math.tanh(sharp * Math.sin(x * cx + y * cy));
            px[y * size + x] = mix(a, b, 0.5 + 0.5 * s);
          }
        }
      }
      case TILES -> {
        int cell = Math.max(4, size / (2 + random.nextInt(12)));
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            px[y * size + x] = ((x / cell + y / cell) & 1) == 0 ? a : b;
          }
        }
      }
    }
    return px;
  }

  /** A coarse grid of random colours, bilinearly enlarged: the look of a blurred background. */
  private static void mottled(SplittableRandom random, int[] px, int size) {
    int n = 3 + random.nextInt(6);
    int[] grid = new int[(n + 1) * (n + 1)];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = colour(random);
    }
    double step = (double) size / n;
    for (int y = 0; y < size; y++) {
      double gy = y / step;
      int y0 = (int) gy;
      double fy = gy - y0;
      for (int x = 0; x < size; x++) {
        double gx = x / step;
        int x0 = (int) gx;
        double fx = gx - x0;
        int top = mix(grid[y0 * (n + 1) + x0], grid[y0 * (n + 1) + x0 + 1], fx);
        int bottom = mix(grid[(y0 + 1) * (n + 1) + x0], grid[(y0 + 1) * (n + 1) + x0 + 1], fx);
        px[y * size + x] = mix(top, bottom, fy);
      }
    }
  }

  /** Any hue; saturation and value spread over what tables, shelves and walls show. */
  static int colour(SplittableRandom random) {
    float hue = (float) random.nextDouble();
    float saturation = (float) random.nextDouble(0.0, 0.8);
    float value = (float) random.nextDouble(0.1, 0.95);
    return java.awt.Color.HSBtoRGB(hue, saturation, value) & 0xffffff;
  }

  /** {@code a} blended towards {@code b} by {@code t} in [0, 1], channel by channel. */
  static int mix(int a, int b, double t) {
    float s = (float) t;
    float u = 1 - s;
    int r = (int) (((a >> 16) & 0xff) * u + ((b >> 16) & 0xff) * s + 0.5f);
    int g = (int) (((a >> 8) & 0xff) * u + ((b >> 8) & 0xff) * s + 0.5f);
    int bl = (int) ((a & 0xff) * u + (b & 0xff) * s + 0.5f);
    return r << 16 | g << 8 | bl;
  }

  private static double clamp01(double t) {
    return t < 0 ? 0 : t > 1 ? 1 : t;
  }
}
