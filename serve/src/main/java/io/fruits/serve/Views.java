package io.fruits.serve;

import io.fruits.core.CommandLine;
import io.fruits.features.RgbImage;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;

/**
 * The views of one photo the classifier looks at, whose answers are averaged: the whole photo,
 * then its centre and its four corners, each {@value #SHARE} of the side. A fruit in a shop photo
 * rarely fills the frame; a closer view of where it may be helps.
 */
final class Views {
  static final double SHARE = 0.7;
  static final int MAX = 6;
  /** The setting that picks per photo: one view of a {@link io.fruits.features.StudioShot}, {@link #MAX} of any other. */
  static final int AUTO = 0;

  private Views() {}

  /** The first {@code n} views of {@code image} (1 to {@link #MAX}). */
  static List<RgbImage> of(RgbImage image, int n) {
    check(n);
    int w = Math.max(1, (int) Math.round(image.width() * SHARE));
    int h = Math.max(1, (int) Math.round(image.height() * SHARE));
    int[][] corners = {{(image.width() - w) / 2, (image.height() - h) / 2}, {0, 0}, {image.width() - w, 0}, {0, image.height() - h},
        {image.width() - w, image.height() - h}};
    // Each view is cropped when it is asked for, so one copy lives at a time while they are walked:
    // the five crops of a 40-megapixel photo at once would be about 390 MB.
    return new AbstractList<>() {
      @Override
      public RgbImage get(int i) {
        Objects.checkIndex(i, n);
        return i == 0 ? image : image.crop(corners[i - 1][0], corners[i - 1][1], w, h);
      }

      @Override
      public int size() {
        return n;
      }
    };
  }

  /** How many views a photo gets under {@code setting} (a count, or {@link #AUTO}); {@code onWhite}: a {@link io.fruits.features.StudioShot}. */
  static int count(boolean onWhite, int setting) {
    return setting != AUTO ? check(setting) : onWhite ? 1 : MAX;
  }

  /** The {@code --views} option: {@code auto} (the default) or a count from 1 to {@link #MAX}. */
  static int option(CommandLine c) {
    String v = c.value("--views", "auto");
    if (v.equals("auto")) {
      return AUTO;
    }
    try {
      return check(Integer.parseInt(v));
    } catch (IllegalArgumentException e) { // NumberFormatException is one
      throw new IllegalArgumentException("--views is '" + v + "'; give auto or a whole number from 1 to " + MAX);
    }
  }

  /** {@code setting} when it is {@link #AUTO} or a count from 1 to {@link #MAX}. */
  static int checkSetting(int setting) {
    return setting == AUTO ? setting : check(setting);
  }

  static int check(int n) {
    if (n < 1 || n > MAX) {
      throw new IllegalArgumentException("views must be 1 to " + MAX + ", was " + n);
    }
    return n;
  }
}
