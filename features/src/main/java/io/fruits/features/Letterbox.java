package io.fruits.features;

import java.util.Arrays;

/**
 * Fits an image into the model's input with its aspect ratio kept and white around it, as
 * Fruits-360 made its 100x100 images from its photos on white (the fruit scaled to fit, the rest
 * white). Stretched to a square instead, a 1:4 cucumber becomes a round green fruit, and the
 * classifier trained on Fruits-360 called 11 of 20 of the data set's own original-size cucumbers
 * a watermelon (see the README, "Real photos", point 7).
 *
 * <p>It resizes to the fitted size, never to a padded copy at the photo's size, so a 40-megapixel
 * photo costs no more memory than the input. Not thread-safe: it reuses its buffers.
 */
final class Letterbox {
  private static final int WHITE = 0xFFFFFF;

  private final int width;
  private final int height;
  private int[] out; // made on the first fit: most photos never need one
  private BilinearResizer inner; // for the last fitted size; the images of one collection share few sizes

  Letterbox(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** Whether {@code image} fills the input only when stretched: its fitted size differs from the input's by a pixel or more. */
  boolean needed(RgbImage image) {
    return fitted(image.width(), image) != width || fitted(image.height(), image) != height;
  }

  /** {@code image} fitted into the input, centred, on white; valid until the next call. */
  RgbImage fit(RgbImage image) {
    int w = fitted(image.width(), image);
    int h = fitted(image.height(), image);
    if (inner == null || inner.width() != w || inner.height() != h) {
      inner = new BilinearResizer(w, h, false);
    }
    RgbImage small = inner.resize(image);
    if (out == null) {
      out = new int[width * height];
    }
    Arrays.fill(out, WHITE);
    int left = (width - w) / 2;
    int top = (height - h) / 2;
    for (int y = 0; y < h; y++) {
      System.arraycopy(small.pixels(), y * w, out, (top + y) * width + left, w);
    }
    return new RgbImage(out, width, height);
  }

  /** A {@code side} of {@code image} scaled so that the image fits the input, at least 1 pixel. */
  private int fitted(int side, RgbImage image) {
    double scale = Math.min(width / (double) image.width(), height / (double) image.height());
    return Math.max(1, (int) Math.round(side * scale));
  }
}
