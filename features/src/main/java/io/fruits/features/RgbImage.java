package io.fruits.features;

/**
 * Opaque pixels as packed {@code 0xRRGGBB} ints, row by row. The array may be longer than
 * {@code width * height}: decoders reuse one buffer across images.
 */
public record RgbImage(int[] pixels, int width, int height) {
  public int red(int x, int y) {
    return (pixels[y * width + x] >> 16) & 0xff;
  }

  public int green(int x, int y) {
    return (pixels[y * width + x] >> 8) & 0xff;
  }

  public int blue(int x, int y) {
    return pixels[y * width + x] & 0xff;
  }

  /** A copy that owns exactly its pixels: the buffer of a decoder or resizer is reused by its next call. */
  public RgbImage copy() {
    return new RgbImage(java.util.Arrays.copyOf(pixels, width * height), width, height);
  }

  /** A copy of the {@code w} x {@code h} rectangle whose top left corner is ({@code x}, {@code y}). */
  public RgbImage crop(int x, int y, int w, int h) {
    if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > width || y + h > height) {
      throw new IllegalArgumentException("crop " + w + "x" + h + "+" + x + "+" + y + " is outside the " + width + "x" + height + " image");
    }
    int[] out = new int[w * h];
    for (int row = 0; row < h; row++) {
      System.arraycopy(pixels, (y + row) * width + x, out, row * w, w);
    }
    return new RgbImage(out, w, h);
  }
}
