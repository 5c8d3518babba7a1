package io.fruits.features;

/**
 * Shrinks an image by whole factors, each output pixel the mean of its {@code fx} x {@code fy}
 * block: the low-pass step before {@link BilinearResizer} when a photo is two or more times the
 * model's input. Bilinear alone reads only the 2x2 pixels nearest each output centre, so a 4000x3000
 * phone photo brought to 224x224 would be a sparse sample of its pixels, aliased into noise the
 * CNN never saw in training (Fruits-360 is 100x100 and is only ever enlarged). The columns and rows
 * left over at the right and bottom edges (fewer than a factor) are dropped.
 *
 * <p>Not thread-safe: it reuses its output buffer.
 */
final class AreaReducer {
  private int[] out = new int[0];
  private int[] sums = new int[0];

  /** {@code src} with each {@code fx} x {@code fy} block averaged; {@code src} itself when both are 1. */
  RgbImage reduce(RgbImage src, int fx, int fy) {
    if (fx < 1 || fy < 1) {
      throw new IllegalArgumentException("factors must be at least 1, were " + fx + " and " + fy);
    }
    if (fx == 1 && fy == 1) {
      return src;
    }
    int w = src.width() / fx;
    int h = src.height() / fy;
    if (w < 1 || h < 1) {
      throw new IllegalArgumentException("a " + src.width() + "x" + src.height() + " image cannot be reduced by " + fx + "x" + fy);
    }
    if (out.length < w * h) {
      out = new int[w * h];
      sums = new int[w * 3];
    } else if (sums.length < w * 3) {
      sums = new int[w * 3];
    }
    int[] p = src.pixels();
    int n = fx * fy;
    int half = n / 2;
    for (int y = 0; y < h; y++) {
      java.util.Arrays.fill(sums, 0, w * 3, 0);
      for (int r = y * fy; r < (y + 1) * fy; r++) {
        int base = r * src.width();
        for (int x = 0, i = 0; x < w; x++, i += 3) {
          for (int c = base + x * fx, end = c + fx; c < end; c++) {
            int v = p[c];
            sums[i] += (v >> 16) & 0xff;
            sums[i + 1] += (v >> 8) & 0xff;
            sums[i + 2] += v & 0xff;
          }
        }
      }
      int o = y * w;
      for (int x = 0, i = 0; x < w; x++, i += 3) {
        out[o + x] = (sums[i] + half) / n << 16 | (sums[i + 1] + half) / n << 8 | (sums[i + 2] + half) / n;
      }
    }
    return new RgbImage(out, w, h);
  }
}
