package io.fruits.features;

/**
 * Resizes RGB pixels with bilinear interpolation and pixel-centre alignment (the convention of
 * OpenCV's INTER_LINEAR and of TensorFlow's {@code half_pixel_centers}). {@code stretch} maps the
 * whole image onto the target; {@code crop} first takes the largest centred region with the
 * target's aspect ratio. Downscaling large photos does not low-pass filter first: Fruits-360 is
 * 100x100, and the original-size images are at most about 4x larger than the model input.
 *
 * <p>Not thread-safe: it reuses its output buffer.
 */
public final class BilinearResizer {
  private final int width;
  private final int height;
  private final boolean crop;
  private final int[] out;

  public BilinearResizer(int width, int height, boolean crop) {
    this.width = width;
    this.height = height;
    this.crop = crop;
    this.out = new int[width * height];
  }

  public static BilinearResizer forModel(ModelDescriptor d) {
    return new BilinearResizer(d.width(), d.height(), d.crop());
  }

  /** The resized image; its buffer is valid until the next call. */
  public RgbImage resize(RgbImage src) {
    double srcW = src.width();
    double srcH = src.height();
    double x0 = 0;
    double y0 = 0;
    if (crop) {
      double aspect = (double) width / height;
      if (srcW / srcH > aspect) {
        x0 = (srcW - srcH * aspect) / 2;
        srcW = srcH * aspect;
      } else {
        y0 = (srcH - srcW / aspect) / 2;
        srcH = srcW / aspect;
      }
    }
    double sx = srcW / width;
    double sy = srcH / height;
    int[] p = src.pixels();
    int w = src.width();
    for (int y = 0; y < height; y++) {
      double fy = clamp(y0 + (y + 0.5) * sy - 0.5, src.height() - 1);
      int ya = (int) fy;
      int yb = Math.min(ya + 1, src.height() - 1);
      double wy = fy - ya;
      for (int x = 0; x < width; x++) {
        double fx = clamp(x0 + (x + 0.5) * sx - 0.5, w - 1);
        int xa = (int) fx;
        int xb = Math.min(xa + 1, w - 1);
        double wx = fx - xa;
        int a = p[ya * w + xa];
        int b = p[ya * w + xb];
        int c = p[yb * w + xa];
        int d = p[yb * w + xb];
        int r = mix(a >> 16, b >> 16, c >> 16, d >> 16, wx, wy);
        int g = mix(a >> 8, b >> 8, c >> 8, d >> 8, wx, wy);
        int bl = mix(a, b, c, d, wx, wy);
        out[y * width + x] = r << 16 | g << 8 | bl;
      }
    }
    return new RgbImage(out, width, height);
  }

  private static double clamp(double v, int max) {
    return v < 0 ? 0 : Math.min(v, max);
  }

  private static int mix(int a, int b, int c, int d, double wx, double wy) {
    double top = (a & 0xff) + ((b & 0xff) - (a & 0xff)) * wx;
    double bottom = (c & 0xff) + ((d & 0xff) - (c & 0xff)) * wx;
    return (int) Math.round(top + (bottom - top) * wy);
  }
}
