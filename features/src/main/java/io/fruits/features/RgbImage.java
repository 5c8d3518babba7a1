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
}
