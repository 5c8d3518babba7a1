package io.fruits.features;

import java.util.Locale;

/**
 * Reduces a feature map to one vector per image. Inputs are the flat output of a batch, either
 * [N,C,H,W] (channels first) or [N,H,W,C] (channels last); a 2-d output [N,C] passes through.
 */
public enum Pooling {
  MAX,
  AVG,
  FLATTEN;

  public static Pooling parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown pooling '" + name + "'; use max, avg or flatten (" + ModelKey.POOLING.key() + ")");
    }
  }

  /** Length of the vector this pooling makes from a map of {@code channels x cells}. */
  public int dimension(int channels, int cells) {
    return this == FLATTEN ? channels * cells : channels;
  }

  /**
   * Pools image {@code n} of a batch output into {@code out}.
   *
   * @param map the whole batch output, flat
   * @param channelsLast true for [N,H,W,C]
   */
  public void pool(float[] map, int n, int channels, int cells, boolean channelsLast, float[] out) {
    int base = n * channels * cells;
    if (this == FLATTEN) {
      System.arraycopy(map, base, out, 0, channels * cells);
      return;
    }
    for (int c = 0; c < channels; c++) {
      int at = channelsLast ? base + c : base + c * cells;
      int step = channelsLast ? channels : 1;
      float acc = this == MAX ? Float.NEGATIVE_INFINITY : 0f;
      double sum = 0;
      for (int i = 0; i < cells; i++, at += step) {
        float v = map[at];
        if (this == MAX) {
          acc = Math.max(acc, v);
        } else {
          sum += v;
        }
      }
      out[c] = this == MAX ? acc : (float) (sum / cells);
    }
  }
}
