package io.fruits.mapreduce;

/**
 * The known SavedModel recomputed in plain Java, with no engine: two blocks of a 3x3 convolution
 * (zero padding, bias, ReLU) and a 2x2 max pooling, 3 -> 4 -> 8 channels, all in channels-last
 * order. The weights follow the formula of the tool's KnownWeights (layer, flat HWIO index).
 */
public final class KnownStack {
  private static final int[] CHANNELS = {3, 4, 8};

  private KnownStack() {}

  /** {@code rgb}: size x size pixels as 0xRRGGBB; the result: the flattened (size/4)x(size/4)x8 map. */
  public static float[] features(int[] rgb, int size) {
    float[] x = new float[size * size * 3];
    for (int i = 0; i < size * size; i++) {
      x[3 * i] = ((rgb[i] >> 16) & 0xff) / 255f;
      x[3 * i + 1] = ((rgb[i] >> 8) & 0xff) / 255f;
      x[3 * i + 2] = (rgb[i] & 0xff) / 255f;
    }
    int s = size;
    for (int layer = 0; layer < 2; layer++) {
      x = pool(conv(x, s, layer, CHANNELS[layer], CHANNELS[layer + 1]), s, CHANNELS[layer + 1]);
      s /= 2;
    }
    return x;
  }

  private static float[] conv(float[] in, int s, int layer, int cin, int cout) {
    float[] out = new float[s * s * cout];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        for (int o = 0; o < cout; o++) {
          double acc = bias(layer, o);
          for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
              int iy = y + ky - 1;
              int ix = x + kx - 1;
              if (iy < 0 || ix < 0 || iy >= s || ix >= s) {
                continue; // "SAME" padding: zeros outside the image
              }
              for (int c = 0; c < cin; c++) {
                acc += in[(iy * s + ix) * cin + c] * filter(layer, ((ky * 3 + kx) * cin + c) * cout + o);
              }
            }
          }
          out[(y * s + x) * cout + o] = (float) Math.max(0, acc);
        }
      }
    }
    return out;
  }

  private static float[] pool(float[] in, int s, int c) {
    int h = s / 2;
    float[] out = new float[h * h * c];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < h; x++) {
        for (int k = 0; k < c; k++) {
          float m = Float.NEGATIVE_INFINITY;
          for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
              m = Math.max(m, in[((2 * y + dy) * s + 2 * x + dx) * c + k]);
            }
          }
          out[(y * h + x) * c + k] = m;
        }
      }
    }
    return out;
  }

  private static float filter(int layer, int index) {
    return (Math.floorMod(index * 37 + layer * 11, 23) - 11) / 32f;
  }

  private static float bias(int layer, int channel) {
    return (Math.floorMod(channel * 5 + layer, 7) - 3) / 16f;
  }
}
