package io.fruits.mapreduce;

import io.fruits.features.ManyScanJpeg;
import io.fruits.features.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

/**
 * Writes the dirty image collection the pipeline must survive, made from one real Fruits-360
 * photo. Each entry's expected outcome is "vector" or a reject reason. The 24 kinds:
 *
 * <ol>
 *   <li>zero bytes; <li>truncated JPEG; <li>text file named .jpg; <li>PNG with alpha;
 *   <li>16-bit PNG; <li>grayscale JPEG; <li>CMYK JPEG; <li>progressive JPEG; <li>GIF; <li>BMP;
 *   <li>WebP (no reader in the JDK); <li>EXIF-rotated JPEG (turned upright);
 *   <li>1x1 image; <li>PNG whose header declares 30000x30000; <li>file names with spaces,
 *   unicode, quotes, a comma and a line break; <li>nested folders; <li>the same image under two names;
 *   <li>an empty class folder; <li>hidden files (.DS_Store); <li>a non-image file (README);
 *   <li>a huge real image (3000x3000); <li>a PNG with damaged pixel data; <li>HEIC (no reader);
 *   <li>a valid progressive JPEG of 2,647 scans (57 KB, half a minute of decoding).
 * </ol>
 */
final class BadInputCorpus {
  /** Expected outcome per id: "vector" or a reject reason word. Hidden files are not listed. */
  final Map<String, String> expected = new LinkedHashMap<>();
  final String duplicateId = "Dupes/copy of apple.jpg";
  final String duplicateOf = "Dupes/apple.jpg";

  BadInputCorpus write(Path root, byte[] fruitJpeg) throws IOException {
    BufferedImage fruit = ImageIO.read(new java.io.ByteArrayInputStream(fruitJpeg));
    put(root, "Bad/empty.jpg", new byte[0], "empty");
    put(root, "Bad/truncated.jpg", Arrays.copyOf(fruitJpeg, fruitJpeg.length / 2), "corrupt");
    put(root, "Bad/notes.jpg", "shopping list: apples".getBytes(StandardCharsets.UTF_8), "not-an-image");
    put(root, "Formats/alpha.png", encode(withAlpha(fruit), "png"), "vector");
    put(root, "Formats/sixteen-bit.png", encode(sixteenBitGrey(fruit), "png"), "vector");
    put(root, "Formats/grey.jpg", encode(grey(fruit), "jpg"), "vector");
    put(root, "Formats/cmyk.jpg", TestImages.cmykJpeg(fruit), "vector"); // no ICC profile: a generic conversion
    put(root, "Formats/progressive.jpg", progressiveJpeg(fruit), "vector");
    put(root, "Formats/fruit.gif", encode(fruit, "gif"), "vector");
    put(root, "Formats/fruit.bmp", encode(fruit, "bmp"), "vector");
    put(root, "Bad/header-only.webp", webp(), "corrupt");
    put(root, "Formats/rotated.jpg", TestImages.withExifOrientation(fruitJpeg, 6), "vector");
    put(root, "Formats/one-pixel.png", encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png"), "vector");
    put(root, "Bad/bomb.png", TestImages.pngHeader(30000, 30000), "too-large");
    put(root, "Names/it's a \"fruit\", très bon.jpg", fruitJpeg, "vector");
    put(root, "Names/two\nlines, one file.jpg", fruitJpeg, "vector");
    put(root, "Names/nested/deeper/pomme.jpg", fruitJpeg, "vector");
    put(root, duplicateOf, fruitJpeg, "vector");
    put(root, duplicateId, fruitJpeg, "vector");
    Files.createDirectories(root.resolve("Empty Class"));
    put(root, "Names/.DS_Store", new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1'}, null);
    put(root, "README", "# my fruit photos\n".getBytes(StandardCharsets.UTF_8), "not-an-image");
    put(root, "Formats/huge.png", encode(noise(3000, 3000), "png"), "vector");
    put(root, "Bad/damaged.png", damagedPng(fruit), "corrupt");
    put(root, "Formats/photo.heic", heic(), "unsupported");
    put(root, "Bad/many-scans.jpg", ManyScanJpeg.write(1600, 63, 14), "too-large");
    return this;
  }

  private void put(Path root, String id, byte[] bytes, String outcome) throws IOException {
    Path f = root.resolve(id);
    Files.createDirectories(f.getParent());
    Files.write(f, bytes);
    if (outcome != null) {
      expected.put(id, outcome);
    }
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) {
      throw new IOException("no ImageIO writer for " + format);
    }
    return out.toByteArray();
  }

  private static BufferedImage withAlpha(BufferedImage src) {
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        int alpha = x < src.getWidth() / 2 ? 0x80 : 0xff;
        out.setRGB(x, y, alpha << 24 | (src.getRGB(x, y) & 0xffffff));
      }
    }
    return out;
  }

  private static BufferedImage grey(BufferedImage src) {
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    out.getGraphics().drawImage(src, 0, 0, null);
    return out;
  }

  private static BufferedImage sixteenBitGrey(BufferedImage src) {
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster r = out.getRaster();
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        r.setSample(x, y, 0, (src.getRGB(x, y) & 0xff) * 257);
      }
    }
    return out;
  }

  private static BufferedImage noise(int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(3);
    for (int y = 0; y < h; y += 10) {
      int rgb = r.nextInt(0xffffff);
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, rgb);
      }
    }
    return out;
  }

  private static byte[] progressiveJpeg(BufferedImage src) throws IOException {
    return TestImages.jpeg(new IIOImage(src, null, null), p -> p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT));
  }

  /** A real PNG whose compressed pixel data is overwritten with garbage. */
  private static byte[] damagedPng(BufferedImage src) throws IOException {
    byte[] png = encode(src, "png");
    int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
    for (int i = idat + 8; i < Math.min(png.length - 16, idat + 400); i++) {
      png[i] = (byte) (i * 31);
    }
    return png;
  }

  private static byte[] webp() {
    byte[] b = new byte[64];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
    b[4] = 56;
    System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
    return b;
  }

  private static byte[] heic() {
    byte[] b = new byte[64];
    b[3] = 24;
    System.arraycopy("ftypheic".getBytes(StandardCharsets.US_ASCII), 0, b, 4, 8);
    return b;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("not found");
  }
}
