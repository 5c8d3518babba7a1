package io.fruits.features.augment;

import io.fruits.features.BilinearResizer;
import io.fruits.features.RgbImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Makes photo-like variants of a training image. One on white (Fruits-360) teaches "white
 * background = fruit", so its fruit is cut out ({@link Cutout}) and pasted once or as a pile on a
 * drawn background ({@link Background}, {@link Scene}); a photo is cropped and mirrored instead
 * ({@link Reframe}). Both then go through a camera's changes ({@link Photometric}) and are saved
 * as JPEG at a random quality. Variant {@code k} of an image depends only on its id, {@code k}
 * and the seed: a re-run, a retried task or another cluster draws the same bytes.
 */
public final class Augmenter {
  /** Variants are square, as big as the common CNN input, so the model's resize barely changes them. */
  public static final int SIZE = 224;
  private static final String VARIANT = ".aug";
  private static final java.util.regex.Pattern VARIANT_ID =
      java.util.regex.Pattern.compile("(.+)" + java.util.regex.Pattern.quote(VARIANT) + "[1-9][0-9]*\\.jpg");

  private final long seed;

  public Augmenter(long seed) {
    this.seed = seed;
  }

  /** The id of variant {@code k} of {@code id}: the same folder (so the same label), a name of its own. */
  public static String variantId(String id, int k) {
    return id + VARIANT + k + ".jpg";
  }

  /** The id of the image a variant was made of; an image's own id for an image. */
  public static String sourceOf(String id) {
    java.util.regex.Matcher m = VARIANT_ID.matcher(id);
    return m.matches() ? m.group(1) : id;
  }

  public static boolean isVariant(String id) {
    return VARIANT_ID.matcher(id).matches();
  }

  /** Variants 1 to {@code count} of one image, as JPEG bytes; the fruit is cut out once for all. */
  public List<byte[]> variants(String id, RgbImage image, int count) {
    RgbImage fitted = fitted(image);
    Cutout fruit = Cutout.onWhite(fitted) ? Cutout.of(fitted) : null; // Reframe crops into copies of its own
    List<byte[]> out = new ArrayList<>(count);
    for (int k = 1; k <= count; k++) {
      SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + crc(id) * 31 + k);
      int[] px;
      if (fruit != null) {
        Scene scene = new Scene(Background.draw(random, SIZE), SIZE);
        scene.place(fruit, random);
        px = scene.pixels();
      } else {
        px = Reframe.crop(fitted, SIZE, random);
      }
      Photometric.apply(px, SIZE, random);
      out.add(Jpeg.encode(px, SIZE, SIZE, (float) random.nextDouble(0.35, 0.95)));
    }
    return out;
  }

  /** A large photo shrunk to twice the variant's size first: the cut-out's buffers stay small. */
  private static RgbImage fitted(RgbImage image) {
    int longer = Math.max(image.width(), image.height());
    if (longer <= 2 * SIZE) {
      return image;
    }
    double scale = 2.0 * SIZE / longer;
    int w = Math.max(1, (int) Math.round(image.width() * scale));
    int h = Math.max(1, (int) Math.round(image.height() * scale));
    return new BilinearResizer(w, h, false).resize(image);
  }

  private static long crc(String id) {
    CRC32 c = new CRC32();
    c.update(id.getBytes(StandardCharsets.UTF_8));
    return c.getValue();
  }
}
