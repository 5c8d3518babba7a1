package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/**
 * The scans counted from the markers against the JDK reader's own account of them: the "sos" nodes
 * of its native metadata, which it builds by parsing the stream.
 */
class JpegScansTest {
  @Test
  void countsWhatTheJdkReaderParses() throws Exception {
    byte[] baseline = TestImages.encode(TestImages.gradient(64, 48), "jpg");
    byte[] progressive = progressive(TestImages.gradient(64, 48));
    byte[] crafted = ManyScanJpeg.write(64, 63, 14);
    assertEquals(1, JpegScans.count(baseline, baseline.length));
    assertEquals(jdkScans(baseline), JpegScans.count(baseline, baseline.length));
    assertTrue(jdkScans(progressive) > 1, "ImageIO wrote a progressive JPEG");
    assertEquals(jdkScans(progressive), JpegScans.count(progressive, progressive.length));
    assertEquals(ManyScanJpeg.scans(63, 14), JpegScans.count(crafted, crafted.length));
    assertEquals(2647, jdkScans(crafted));
    assertEquals(new JpegScans.Cost(1, 64 * 48), JpegScans.read(baseline, 0, baseline.length), "the frame's pixels");
    assertEquals(64 * 48, JpegScans.read(progressive, 0, progressive.length).framePixels());
  }

  @Test
  void anExifThumbnailAndASecondPictureAreNotCounted() throws Exception {
    byte[] progressive = progressive(TestImages.gradient(64, 48));
    byte[] baseline = TestImages.encode(TestImages.gradient(64, 48), "jpg");
    byte[] withThumbnail = TestImages.withApp1(baseline, progressive); // a JPEG inside APP1, as EXIF holds one
    assertEquals(1, JpegScans.count(withThumbnail, withThumbnail.length));
    byte[] smallThumbnail = TestImages.withApp1(baseline, TestImages.encode(TestImages.gradient(8, 6), "jpg"));
    assertEquals(64 * 48, JpegScans.read(smallThumbnail, 0, smallThumbnail.length).framePixels(), "the picture's frame, not the thumbnail's");
    byte[] twoPictures = concat(baseline, progressive); // as an MPO file stores its second picture
    assertEquals(1, JpegScans.count(twoPictures, twoPictures.length));
  }

  @Test
  void damagedBytesNeverThrowAndCountNoMoreThanTheWhole() throws Exception {
    byte[] progressive = progressive(TestImages.gradient(64, 48));
    int whole = JpegScans.count(progressive, progressive.length);
    for (int cut = 0; cut <= progressive.length; cut++) {
      int scans = JpegScans.count(progressive, cut);
      assertTrue(scans >= 1 && scans <= whole, "cut at " + cut + ": " + scans);
    }
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] noisy = progressive.clone();
      for (int j = 0; j < 20; j++) {
        noisy[2 + random.nextInt(noisy.length - 2)] = (byte) random.nextInt(256);
      }
      assertTrue(JpegScans.count(noisy, noisy.length) >= 1);
    }
  }

  @Test
  void otherFormatsCountOneScan() throws Exception {
    byte[] png = TestImages.encode(TestImages.gradient(8, 8), "png");
    assertEquals(1, JpegScans.count(png, png.length));
    assertEquals(1, JpegScans.count(new byte[] {(byte) 0xFF, (byte) 0xD8}, 2));
  }

  private static byte[] progressive(java.awt.image.BufferedImage image) throws IOException {
    return TestImages.jpeg(new IIOImage(image, null, null), p -> p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT));
  }

  private static int jdkScans(byte[] jpeg) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      ImageReader reader = jdkReader(in);
      try {
        reader.setInput(in);
        Node tree = reader.getImageMetadata(0).getAsTree("javax_imageio_jpeg_image_1.0");
        return count(tree, "sos");
      } finally {
        reader.dispose();
      }
    }
  }

  /** The JDK's own reader: TwelveMonkeys', first on the class path, lists only the first scan in its metadata. */
  private static ImageReader jdkReader(ImageInputStream in) {
    for (Iterator<ImageReader> readers = ImageIO.getImageReaders(in); readers.hasNext(); ) {
      ImageReader reader = readers.next();
      if (reader.getClass().getName().startsWith("com.sun.imageio.")) {
        return reader;
      }
    }
    throw new AssertionError("the JDK's JPEG reader is not registered");
  }

  private static int count(Node node, String name) {
    int n = name.equals(node.getNodeName()) ? 1 : 0;
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      n += count(child, name);
    }
    return n;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
