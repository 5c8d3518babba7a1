package io.fruits.features;

/**
 * Resizes RGB pixels with bilinear interpolation and pixel-centre alignment (the convention of
 * OpenCV's INTER_LINEAR and of TensorFlow's {@code half_pixel_centers}). {@code stretch} maps the
 * whole image onto the target; {@code crop} first takes the largest centred region with the
 * target's aspect ratio. Downscaling large photos does not low-pass filter first: Fruits-360 is
 * 100x100, and the original-size images are at most about 4x larger than the model input.
 *
 * <p>Source positions and weights are computed once per source size and kept, and the blend runs
 * in fixed point (weights in 1/1024): it sits on the decode thread that feeds the engine, so it
 * must stay a small fraction of the inference time.
 *
 * <p>Not thread-safe: it reuses its output buffer.
 */
public final class BilinearResizer {
  private static final int ONE = 1024;
  private static final int SHIFT = 20; // two weights of 1/1024 multiplied

  private final int width;
  private final int height;
  private final boolean crop;
  private final int[] out;
  private final int[] x0;
  private final int[] x1;
  private final int[] wx;
  private final int[] y0;
  private final int[] y1;
  private final int[] wy;
  private int tableWidth = -1;
  private int tableHeight = -1;

  public BilinearResizer(int width, int height, boolean crop) {
    this.width = width;
    this.height = height;
    this.crop = crop;
    this.out = new int[width * height];
    this.x0 = new int[width];
    this.x1 = new int[width];
    this.wx = new int[width];
    this.y0 = new int[height];
    this.y1 = new int[height];
    this.wy = new int[height];
  }

  public static BilinearResizer forModel(ModelDescriptor d) {
    return new BilinearResizer(d.width(), d.height(), d.crop());
  }

  /** The resized image; its buffer is valid until the next call. */
  public RgbImage resize(RgbImage src) {
    int w = src.width();
    if (w != tableWidth || src.height() != tableHeight) {
      tables(w, src.height());
    }
    int[] p = src.pixels();
    for (int y = 0; y < height; y++) {
      int rowA = y0[y] * w;
      int rowB = y1[y] * w;
      int fy = wy[y];
      int gy = ONE - fy;
      int o = y * width;
      for (int x = 0; x < width; x++) {
        int fx = wx[x];
        int gx = ONE - fx;
        int a = p[rowA + x0[x]];
        int b = p[rowA + x1[x]];
        int c = p[rowB + x0[x]];
        int d = p[rowB + x1[x]];
        out[o + x] = blend(a, b, c, d, 16, fx, gx, fy, gy) << 16
            | blend(a, b, c, d, 8, fx, gx, fy, gy) << 8
            | blend(a, b, c, d, 0, fx, gx, fy, gy);
      }
    }
    return new RgbImage(out, width, height);
  }

  private static int blend(int a, int b, int c, int d, int shift, int fx, int gx, int fy, int gy) {
    int top = ((a >> shift) & 0xff) * gx + ((b >> shift) & 0xff) * fx;
    int bottom = ((c >> shift) & 0xff) * gx + ((d >> shift) & 0xff) * fx;
    return (top * gy + bottom * fy + (1 << (SHIFT - 1))) >> SHIFT;
  }

  private void tables(int srcW, int srcH) {
    double regionW = srcW;
    double regionH = srcH;
    double left = 0;
    double top = 0;
    if (crop) {
      double aspect = (double) width / height;
      if (regionW / regionH > aspect) {
        left = (regionW - regionH * aspect) / 2;
        regionW = regionH * aspect;
      } else {
        top = (regionH - regionW / aspect) / 2;
        regionH = regionW / aspect;
      }
    }
    axis(left, regionW / width, srcW, x0, x1, wx);
    axis(top, regionH / height, srcH, y0, y1, wy);
    tableWidth = srcW;
    tableHeight = srcH;
  }

  /** For each output index: the two source indices around its centre and the second one's weight. */
  private static void axis(double offset, double scale, int size, int[] lo, int[] hi, int[] weight) {
    for (int i = 0; i < lo.length; i++) {
      double f = Math.max(0, Math.min(offset + (i + 0.5) * scale - 0.5, size - 1));
      lo[i] = (int) f;
      hi[i] = Math.min(lo[i] + 1, size - 1);
      weight[i] = (int) Math.round((f - lo[i]) * ONE);
    }
  }
}
