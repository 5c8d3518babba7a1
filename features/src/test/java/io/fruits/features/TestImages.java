package io.fruits.features;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Real encoded images, written by ImageIO in the test; also used by the MapReduce tests. */
public final class TestImages {
  private TestImages() {}

  public static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) {
      throw new IOException("no writer for " + format);
    }
    return out.toByteArray();
  }

  /** An RGB image whose pixel (x, y) is (x*16, y*16, 200). */
  public static BufferedImage gradient(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, (x * 16 & 0xff) << 16 | (y * 16 & 0xff) << 8 | 200);
      }
    }
    return img;
  }

  /**
   * The JPEG with an EXIF APP1 segment, right after its APP0, whose only entry is the orientation:
   * 1 to 8 as the EXIF standard numbers them (6: "row 0 is the right side", a phone's portrait shot).
   */
  public static byte[] withExifOrientation(byte[] jpeg, int orientation) throws IOException {
    ByteArrayOutputStream exif = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(exif);
    d.writeBytes("Exif");
    d.writeShort(0);
    d.writeBytes("MM");
    d.writeShort(42);
    d.writeInt(8); // first IFD right after the header
    d.writeShort(1); // one entry
    d.writeShort(0x0112); // Orientation
    d.writeShort(3); // SHORT
    d.writeInt(1);
    d.writeShort(orientation);
    d.writeShort(0);
    d.writeInt(0); // no next IFD
    return withApp1(jpeg, exif.toByteArray());
  }

  /** The JPEG with an APP1 segment holding {@code payload} (e.g. "Exif\0\0" and a TIFF block) right after its first segment. */
  public static byte[] withApp1(byte[] jpeg, byte[] payload) throws IOException {
    int app0End = 2 + 2 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, app0End);
    out.write(0xff);
    out.write(0xe1);
    out.write((payload.length + 2) >> 8);
    out.write((payload.length + 2) & 0xff);
    out.write(payload);
    out.write(jpeg, app0End, jpeg.length - app0End);
    return out.toByteArray();
  }

  /** Four-channel JPEG written from a raster: what a print workflow's CMYK file looks like to ImageIO. */
  public static byte[] cmykJpeg(BufferedImage src) throws IOException {
    WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, src.getWidth(), src.getHeight(), 4, null);
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        int rgb = src.getRGB(x, y);
        cmyk.setPixel(x, y, new int[] {255 - (rgb >> 16 & 0xff), 255 - (rgb >> 8 & 0xff), 255 - (rgb & 0xff), 0});
      }
    }
    return jpeg(new IIOImage(cmyk, null, null), null);
  }

  /** The image as a JPEG, with the writer's parameters set by {@code tune} (null: its defaults). */
  public static byte[] jpeg(IIOImage image, Consumer<ImageWriteParam> tune) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (tune != null) {
        tune.accept(param);
      }
      writer.write(null, image, param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** A PNG signature and a valid IHDR chunk declaring {@code w x h}, with no pixel data. */
  public static byte[] pngHeader(int w, int h) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    DataOutputStream c = new DataOutputStream(chunk);
    c.writeBytes("IHDR");
    c.writeInt(w);
    c.writeInt(h);
    c.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, deflate, no filter, no interlace
    out.writeInt(13);
    out.write(chunk.toByteArray());
    CRC32 crc = new CRC32();
    crc.update(chunk.toByteArray());
    out.writeInt((int) crc.getValue());
    return bytes.toByteArray();
  }
}
