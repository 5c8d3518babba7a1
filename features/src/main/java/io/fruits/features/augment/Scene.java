package io.fruits.features.augment;

import java.util.SplittableRandom;

/**
 * Pastes a cut-out fruit onto a background: one fruit at a random scale and place (partly out of
 * the frame, as in a close-up), a few copies, or a crate full of them (a shop shelf: the photo a
 * customer takes most), each copy flipped or turned by a quarter at random, with a soft shadow
 * below it.
 */
final class Scene {
  private final int size;
  private final int[] canvas;

  Scene(int[] background, int size) {
    this.canvas = background;
    this.size = size;
  }

  int[] pixels() {
    return canvas;
  }

  void place(Cutout fruit, SplittableRandom random) {
    double kind = random.nextDouble();
    if (kind < 0.45) {
      crate(fruit, random);
    } else if (kind < 0.65) {
      int copies = 2 + random.nextInt(5);
      for (int i = 0; i < copies; i++) {
        paste(fruit, random, random.nextDouble(0.25, 0.5));
      }
    } else {
      paste(fruit, random, random.nextDouble(0.35, 1.0));
    }
  }

  /** Rows of copies on a jittered grid that covers the frame, back rows first, so the front ones overlap them. */
  private void crate(Cutout fruit, SplittableRandom random) {
    int perRow = 3 + random.nextInt(4);
    double cell = (double) size / perRow;
    int rows = perRow + 1;
    for (int row = 0; row < rows; row++) {
      for (int col = 0; col <= perRow; col++) {
        double share = random.nextDouble(1.05, 1.4) / perRow;
        double cx = (col + random.nextDouble(-0.3, 0.3) + (row % 2) * 0.5 - 0.25) * cell;
        double cy = (row + random.nextDouble(-0.3, 0.3) - 0.25) * cell;
        paste(fruit, random, share, cx, cy);
      }
    }
  }

  /** One copy whose longer side spans {@code share} of the canvas, up to a quarter of it out of the frame. */
  private void paste(Cutout fruit, SplittableRandom random, double share) {
    paste(fruit, random, share, Double.NaN, Double.NaN);
  }

  /** One copy centred at ({@code cx}, {@code cy}), or placed at random when they are NaN. */
  private void paste(Cutout fruit, SplittableRandom random, double share, double centreX, double centreY) {
    int turn = random.nextInt(4);
    boolean flip = random.nextBoolean();
    boolean swapped = (turn & 1) == 1;
    int bw = swapped ? fruit.boxHeight() : fruit.boxWidth();
    int bh = swapped ? fruit.boxWidth() : fruit.boxHeight();
    double scale = share * size / Math.max(bw, bh);
    int w = Math.max(1, (int) Math.round(bw * scale));
    int h = Math.max(1, (int) Math.round(bh * scale));
    int x0 = (int) Math.round(Double.isNaN(centreX) ? random.nextDouble(-0.25 * w, size - 0.75 * w) : centreX - w / 2.0);
    int y0 = (int) Math.round(Double.isNaN(centreY) ? random.nextDouble(-0.25 * h, size - 0.75 * h) : centreY - h / 2.0);
    boolean shadow = random.nextDouble() < 0.6;
    double shadowDark = random.nextDouble(0.55, 0.85);
    int sx = (int) Math.round(w * random.nextDouble(0.02, 0.08));
    int sy = (int) Math.round(h * random.nextDouble(0.03, 0.10));
    float[] alpha = new float[w * h];
    int[] rgb = new int[w * h];
    // Only what lands in the frame, itself or as its shadow, is sampled: crates spill over the edges.
    int fromX = Math.max(0, -x0 - sx);
    int toX = Math.min(w, size - x0);
    int fromY = Math.max(0, -y0 - sy);
    int toY = Math.min(h, size - y0);
    // A quarter turn maps each frame axis onto one fruit axis: a table per axis, not a formula per pixel.
    double[] byX = new double[w];
    for (int x = 0; x < w; x++) {
      double u = (x + 0.5) / scale - 0.5;
      u = flip ? bw - 1 - u : u;
      byX[x] = turn == 1 || turn == 2 ? bw - 1 - u : u;
    }
    double[] byY = new double[h];
    for (int y = 0; y < h; y++) {
      double v = (y + 0.5) / scale - 0.5;
      byY[y] = turn >= 2 ? bh - 1 - v : v;
    }
    for (int y = fromY; y < toY; y++) {
      for (int x = fromX; x < toX; x++) {
        double fx = swapped ? byY[y] : byX[x];
        double fy = swapped ? byX[x] : byY[y];
        sample(fruit, fruit.left() + fx, fruit.top() + fy, rgb, alpha, y * w + x);
      }
    }
    if (shadow) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float a = alpha[y * w + x];
          int cx = x0 + x + sx;
          int cy = y0 + y + sy;
          if (a > 0 && cx >= 0 && cy >= 0 && cx < size && cy < size) {
            canvas[cy * size + cx] = Background.mix(canvas[cy * size + cx], 0, a * (1 - shadowDark));
          }
        }
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float a = alpha[y * w + x];
        int cx = x0 + x;
        int cy = y0 + y;
        if (a > 0 && cx >= 0 && cy >= 0 && cx < size && cy < size) {
          canvas[cy * size + cx] = Background.mix(canvas[cy * size + cx], rgb[y * w + x], a);
        }
      }
    }
  }

  /** Bilinear sample of colour and alpha at (x, y) of the fruit; outside it, transparent. */
  private static void sample(Cutout f, double x, double y, int[] rgb, float[] alpha, int at) {
    int w = f.width();
    int h = f.height();
    x = Math.max(0, Math.min(w - 1, x));
    y = Math.max(0, Math.min(h - 1, y));
    int ix = Math.min((int) x, w - 2 < 0 ? 0 : w - 2);
    int iy = Math.min((int) y, h - 2 < 0 ? 0 : h - 2);
    int jx = Math.min(ix + 1, w - 1);
    int jy = Math.min(iy + 1, h - 1);
    double tx = x - ix;
    double ty = y - iy;
    int[] p = f.pixels();
    float[] a = f.alpha();
    double at0 = a[iy * w + ix] * (1 - tx) + a[iy * w + jx] * tx;
    double at1 = a[jy * w + ix] * (1 - tx) + a[jy * w + jx] * tx;
    alpha[at] = (float) (at0 * (1 - ty) + at1 * ty);
    if (alpha[at] == 0) {
      return; // background: its colour is never used
    }
    int top = Background.mix(p[iy * w + ix], p[iy * w + jx], tx);
    int bottom = Background.mix(p[jy * w + ix], p[jy * w + jx], tx);
    rgb[at] = Background.mix(top, bottom, ty);
  }
}
