package io.fruits.features.augment;

import java.util.SplittableRandom;

/**
 * The camera's share of a photo: exposure, contrast, saturation, white balance, sensor noise and
 * a little defocus, each drawn from {@code random} within what phone photos show.
 */
final class Photometric {
  private Photometric() {}

  static void apply(int[] px, int size, SplittableRandom random) {
    double brightness = random.nextDouble(0.65, 1.3);
    double contrast = random.nextDouble(0.7, 1.3);
    double saturation = random.nextDouble(0.6, 1.4);
    double[] gain = {random.nextDouble(0.88, 1.12), random.nextDouble(0.88, 1.12), random.nextDouble(0.88, 1.12)};
    double noise = random.nextDouble() < 0.3 ? random.nextDouble(2, 8) : 0;
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      double r = (p >> 16) & 0xff;
      double g = (p >> 8) & 0xff;
      double b = p & 0xff;
      double grey = 0.299 * r + 0.587 * g + 0.114 * b;
      int out = 0;
      for (int ch = 0; ch < 3; ch++) {
        double v = grey + ((ch == 0 ? r : ch == 1 ? g : b) - grey) * saturation;
        v = (v - 128) * contrast + 128;
        v = v * brightness * gain[ch];
        if (noise > 0) {
          v += random.nextGaussian() * noise;
        }
        out = out << 8 | (int) Math.max(0, Math.min(255, Math.round(v)));
      }
      px[i] = out;
    }
    if (random.nextDouble() < 0.3) {
      blur(px, size, 1 + random.nextInt(2));
    }
  }

  /** A box blur of the given radius, rows then columns. */
  static void blur(int[] px, int size, int radius) {
    int[] tmp = new int[px.length];
    pass(px, tmp, size, radius, 1, size);
    pass(tmp, px, size, radius, size, 1);
  }

  /** Averages along lines whose pixels are {@code step} apart; lines start {@code next} apart. */
  private static void pass(int[] in, int[] out, int size, int radius, int step, int next) {
    for (int line = 0; line < size; line++) {
      int base = line * next;
      for (int i = 0; i < size; i++) {
        int r = 0, g = 0, b = 0, n = 0;
        for (int j = Math.max(0, i - radius); j <= Math.min(size - 1, i + radius); j++) {
          int p = in[base + j * step];
          r += (p >> 16) & 0xff;
          g += (p >> 8) & 0xff;
          b += p & 0xff;
          n++;
        }
        out[base + i * step] = (r / n) << 16 | (g / n) << 8 | (b / n);
      }
    }
  }
}
