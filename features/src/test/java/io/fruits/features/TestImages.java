package io.fruits.features;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Real encoded images, written by ImageIO in the test. */
final class TestImages {
  private TestImages() {}

  static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) {
      throw new IOException("no writer for " + format);
    }
    return out.toByteArray();
  }

  /** An RGB image whose pixel (x, y) is (x*16, y*16, 200). */
  static BufferedImage gradient(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, (x * 16 & 0xff) << 16 | (y * 16 & 0xff) << 8 | 200);
      }
    }
    return img;
  }
}
