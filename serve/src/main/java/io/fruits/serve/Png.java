package io.fruits.serve;

import io.fruits.features.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The image the model was given, as PNG, so the page can show what was looked at (crop and scale). */
final class Png {
  private Png() {}

  static byte[] of(RgbImage image) {
    BufferedImage b = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    b.setRGB(0, 0, image.width(), image.height(), image.pixels(), 0, image.width());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // A memory cache, not ImageIO's default for a stream: a temporary file per photo, closed by a
    // JVM hook that, at a stop, failed the photos in flight ("closed", "Shutdown in progress").
    try (ImageOutputStream cached = new MemoryCacheImageOutputStream(out)) {
      ImageIO.write(b, "png", cached);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into memory: cannot happen
    }
    return out.toByteArray();
  }
}
