package io.fruits.features.augment;

import io.fruits.features.BilinearResizer;
import io.fruits.features.RgbImage;
import java.util.SplittableRandom;

/**
 * A photo that is not on white is kept as a photo: a random crop (from under half of its area to
 * all of it, a little wider or taller), mirrored or not, scaled to the variant's size. The fruit
 * stays where the photographer put it, closer or further away.
 */
final class Reframe {
  private Reframe() {}

  static int[] crop(RgbImage photo, int size, SplittableRandom random) {
    double area = random.nextDouble(0.45, 1.0) * photo.width() * photo.height();
    double aspect = Math.exp(random.nextDouble(Math.log(3.0 / 4), Math.log(4.0 / 3)));
    int w = (int) Math.min(photo.width(), Math.max(1, Math.round(Math.sqrt(area * aspect))));
    int h = (int) Math.min(photo.height(), Math.max(1, Math.round(Math.sqrt(area / aspect))));
    int x = random.nextInt(photo.width() - w + 1);
    int y = random.nextInt(photo.height() - h + 1);
    int[] px = new BilinearResizer(size, size, false).resize(photo.crop(x, y, w, h)).pixels();
    if (random.nextBoolean()) {
      for (int row = 0; row < size; row++) {
        for (int i = 0, j = size - 1; i < j; i++, j--) {
          int t = px[row * size + i];
          px[row * size + i] = px[row * size + j];
          px[row * size + j] = t;
        }
      }
    }
    return px;
  }
}
