package io.fruits.serve;

import io.fruits.features.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The image the model was given, as PNG, so the page can show what was looked at (crop and scale). */
final class Png {
  private Png() {}

  static byte[] of(RgbImage image) {
    BufferedImage b = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    b.setRGB(0, 0, image.width(), image.height(), image.pixels(), 0, image.width());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(b, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into memory: cannot happen
    }
    return out.toByteArray();
  }
}
