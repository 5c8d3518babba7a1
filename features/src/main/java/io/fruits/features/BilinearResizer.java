package io.fruits.features;

/**
 * Resizes RGB pixels with bilinear interpolation and pixel-centre alignment (the convention of
 * OpenCV's INTER_LINEAR and of TensorFlow's {@code half_pixel_centers}). {@code stretch} maps the
 * whole image onto the target; {@code crop} first takes the largest centred region with the
 * target's aspect ratio. A region two or more times the target along an axis is first averaged
 * down by the whole factor ({@link AreaReducer}), so a large photo is low-pass filtered instead of
 * sampled at a few pixels; Fruits-360's 100x100 images are only enlarged and skip that step.
 *
 * <p>Source positions and weights are computed once per source size and kept, the blend runs in
 * fixed point (weights in 1/1024), and it is separable: each source row is interpolated along x
 * once, then output rows blend two such rows. It sits on the decode thread that feeds the engine,
 * so it must stay a small fraction of the inference time.
 *
 * <p>Not thread-safe: it reuses its output buffer.
 */
public final class BilinearResizer {
  private static final int ONE = 1024;
  private static final int SHIFT = 20; // two weights of 1/1024 multiplied
  private static final int HALF = 1 << (SHIFT - 1);

  private final int width;
  private final int height;
  private final boolean crop;
  private final int[] out;
  private final AreaReducer reducer = new AreaReducer();
  private final int[] x0;
  private final int[] x1;
  private final int[] wx;
  private final int[] y0;
  private final int[] y1;
  private final int[] wy;
  private int tableWidth = -1;
  private int tableHeight = -1;
  private final int[] bufferA;
  private final int[] bufferB;
  private int rowA = -1;
  private int rowB = -1;
  private boolean olderIsA = true;

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
    this.bufferA = new int[width * 3];
    this.bufferB = new int[width * 3];
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public static BilinearResizer forModel(ModelDescriptor d) {
    return new BilinearResizer(d.width(), d.height(), d.crop());
  }

  /** The resized image; its buffer is valid until the next call. */
  public RgbImage resize(RgbImage image) {
    double[] region = region(image.width(), image.height());
    RgbImage src = reducer.reduce(image, factor(region[0], width), factor(region[1], height));
    int w = src.width();
    if (w != tableWidth || src.height() != tableHeight) {
      tables(w, src.height());
    }
    int[] p = src.pixels();
    rowA = -1; // a new image: no row is interpolated yet
    rowB = -1;
    for (int y = 0; y < height; y++) {
      int[] top = row(p, w, y0[y]);
      int[] bottom = row(p, w, y1[y]);
      int fy = wy[y];
      int gy = ONE - fy;
      int o = y * width;
      for (int x = 0, i = 0; x < width; x++, i += 3) {
        out[o + x] = (top[i] * gy + bottom[i] * fy + HALF) >> SHIFT << 16
            | (top[i + 1] * gy + bottom[i + 1] * fy + HALF) >> SHIFT << 8
            | (top[i + 2] * gy + bottom[i + 2] * fy + HALF) >> SHIFT;
      }
    }
    return new RgbImage(out, width, height);
  }

  /**
   * Source row {@code r} interpolated along x (three channels per output column, in 1/1024).
   * Consecutive output rows mostly share their source rows, so the last two are kept.
   */
  private int[] row(int[] p, int w, int r) {
    if (r == rowA) {
      return bufferA;
    }
    if (r == rowB) {
      return bufferB;
    }
    // Replace the older of the two.
    int[] target = olderIsA ? bufferA : bufferB;
    if (olderIsA) {
      rowA = r;
    } else {
      rowB = r;
    }
    olderIsA = !olderIsA;
    int base = r * w;
    for (int x = 0, i = 0; x < width; x++, i += 3) {
      int a = p[base + x0[x]];
      int b = p[base + x1[x]];
      int fx = wx[x];
      int gx = ONE - fx;
      target[i] = ((a >> 16) & 0xff) * gx + ((b >> 16) & 0xff) * fx;
      target[i + 1] = ((a >> 8) & 0xff) * gx + ((b >> 8) & 0xff) * fx;
      target[i + 2] = (a & 0xff) * gx + (b & 0xff) * fx;
    }
    return target;
  }

  /** How many whole times {@code region} holds {@code target}, at least 1. */
  private static int factor(double region, int target) {
    return Math.max(1, (int) (region / target));
  }

  /** Width and height of what is resized: the whole image, or its largest centred part with the target's aspect ratio. */
  private double[] region(int srcW, int srcH) {
    double aspect = (double) width / height;
    if (!crop) {
      return new double[] {srcW, srcH};
    }
    return (double) srcW / srcH > aspect ? new double[] {srcH * aspect, srcH} : new double[] {srcW, srcW / aspect};
  }

  private void tables(int srcW, int srcH) {
    double[] region = region(srcW, srcH);
    axis((srcW - region[0]) / 2, region[0] / width, srcW, x0, x1, wx);
    axis((srcH - region[1]) / 2, region[1] / height, srcH, y0, y1, wy);
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
