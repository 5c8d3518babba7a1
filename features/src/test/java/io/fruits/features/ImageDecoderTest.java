package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private final ImageDecoder decoder = new ImageDecoder();

  private RejectReason rejectOf(byte[] bytes) {
    return assertThrows(RejectedImageException.class, () -> decoder.decode(bytes, bytes.length)).reason();
  }

  @Test
  void pngPixelsAreExact() throws Exception {
    byte[] png = TestImages.encode(TestImages.gradient(5, 4), "png");
    RgbImage img = decoder.decode(png, png.length);
    assertEquals(5, img.width());
    assertEquals(4, img.height());
    assertEquals(3 * 16, img.red(3, 2));
    assertEquals(2 * 16, img.green(3, 2));
    assertEquals(200, img.blue(3, 2));
  }

  @Test
  void jpegDecodesCloseToTheOriginal() throws Exception {
    BufferedImage flat = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        flat.setRGB(x, y, 0xC86432); // (200, 100, 50)
      }
    }
    byte[] jpg = TestImages.encode(flat, "jpg");
    RgbImage img = decoder.decode(jpg, jpg.length);
    assertEquals(200, img.red(8, 8), 3);
    assertEquals(100, img.green(8, 8), 3);
    assertEquals(50, img.blue(8, 8), 3);
  }

  @Test
  void greyPngKeepsItsSampleValues() throws Exception {
    BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(0, 0, 0, 64);
    grey.getRaster().setSample(1, 0, 0, 200);
    byte[] png = TestImages.encode(grey, "png");
    RgbImage img = decoder.decode(png, png.length);
    assertEquals(64, img.red(0, 0));
    assertEquals(64, img.blue(0, 0));
    assertEquals(200, img.green(1, 0));
  }

  @Test
  void sixteenBitGreyIsScaledTo8Bits() throws Exception {
    BufferedImage grey = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
    grey.getRaster().setSample(0, 0, 0, 65535);
    byte[] png = TestImages.encode(grey, "png");
    assertEquals(255, decoder.decode(png, png.length).red(0, 0));
  }

  @Test
  void transparencyIsCompositedOntoWhite() throws Exception {
    BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(0, 0, 0x00000000); // fully transparent black
    argb.setRGB(1, 0, 0x80FF0000); // half-transparent red
    byte[] png = TestImages.encode(argb, "png");
    RgbImage img = decoder.decode(png, png.length);
    assertEquals(0xFFFFFF, img.pixels()[0]);
    assertEquals(255, img.red(1, 0));
    assertEquals(127, img.green(1, 0), 1);
  }

  @Test
  void emptyBytesAreRejected() {
    assertEquals(RejectReason.EMPTY, rejectOf(new byte[0]));
  }

  @Test
  void textIsNotAnImage() {
    assertEquals(RejectReason.NOT_AN_IMAGE, rejectOf("just a README\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void truncatedJpegIsCorrupt() throws Exception {
    byte[] jpg = TestImages.encode(TestImages.gradient(64, 64), "jpg");
    assertEquals(RejectReason.CORRUPT, rejectOf(Arrays.copyOf(jpg, jpg.length / 2)));
  }

  @Test
  void hugeHeaderIsRejectedBeforeDecoding() throws Exception {
    byte[] bomb = TestImages.pngHeader(30000, 30000);
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> decoder.decode(bomb, bomb.length));
    assertEquals(RejectReason.TOO_LARGE, e.reason());
    assertTrue(e.getMessage().startsWith("30000x30000 exceeds image.max.pixels="), e.getMessage());
    byte[] line = TestImages.pngHeader(Integer.MAX_VALUE, 1); // half of its width must not overflow into a small size
    assertEquals(RejectReason.TOO_LARGE, assertThrows(RejectedImageException.class, () -> decoder.decode(line, line.length)).reason());
  }

  /**
   * A progressive JPEG costs a decoding pass per scan: up to 16 passes of the limit are decoded, more
   * are rejected from the markers. Without the check, the 2,647-scan file took 29 s to decode here.
   */
  @Test
  void aJpegOfTooManyScansForItsSizeIsRejectedBeforeDecoding() throws Exception {
    byte[] storm = ManyScanJpeg.write(1600, 63, 14);
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> decoder.pixels(storm, storm.length));
    assertEquals(RejectReason.TOO_LARGE, e.reason());
    assertTrue(e.getMessage().startsWith("a 1600x1600 image whose JPEG data takes 2647 passes"), e.getMessage());
    assertEquals(RejectReason.TOO_LARGE, rejectOf(storm));

    ImageDecoder small = new ImageDecoder(100 * 100);
    byte[] sixteen = ManyScanJpeg.write(100, 1, 5);
    assertEquals(16, ManyScanJpeg.scans(1, 5));
    RgbImage grey = small.decode(sixteen, sixteen.length);
    assertEquals(128, grey.red(50, 50), 1, "all coefficients zero: mid grey");
    assertEquals(128, grey.blue(50, 50), 1);
    byte[] nineteen = ManyScanJpeg.write(100, 1, 6);
    assertEquals(RejectReason.TOO_LARGE, assertThrows(RejectedImageException.class, () -> small.decode(nineteen, nineteen.length)).reason());
    byte[] photo = TestImages.jpeg(new javax.imageio.IIOImage(TestImages.gradient(100, 100), null, null),
        p -> p.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT));
    assertEquals(100, small.decode(photo, photo.length).width(), "an encoder's progressive JPEG at the limit");
  }

  /** The size from the header alone, with decode's checks: what a service budgets before it decodes. */
  @Test
  void pixelsAreReadFromTheHeaderAlone() throws Exception {
    for (String format : new String[] {"png", "jpg", "gif", "bmp"}) {
      byte[] image = TestImages.encode(TestImages.gradient(5, 4), format);
      assertEquals(20, decoder.pixels(image, image.length), format);
    }
    byte[] jpg = TestImages.encode(TestImages.gradient(64, 48), "jpg");
    assertEquals(64 * 48, decoder.pixels(jpg, jpg.length / 2), "a truncated file's header still says its size; decode rejects it");
    byte[] bomb = TestImages.pngHeader(30000, 30000);
    assertEquals(900_000_000L, new ImageDecoder(1_000_000_000L).pixels(bomb, bomb.length), "no pixel memory is taken");
    assertEquals(RejectReason.TOO_LARGE, assertThrows(RejectedImageException.class, () -> decoder.pixels(bomb, bomb.length)).reason());
    assertEquals(RejectReason.EMPTY, assertThrows(RejectedImageException.class, () -> decoder.pixels(new byte[0], 0)).reason());
    byte[] text = "just a README\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(RejectReason.NOT_AN_IMAGE, assertThrows(RejectedImageException.class, () -> decoder.pixels(text, text.length)).reason());
  }

  @Test
  void onlyTheGivenLengthIsRead() throws Exception {
    byte[] png = TestImages.encode(TestImages.gradient(3, 3), "png");
    byte[] padded = Arrays.copyOf(png, png.length + 100);
    Arrays.fill(padded, png.length, padded.length, (byte) 0x55);
    assertEquals(3, decoder.decode(padded, png.length).width());
  }

  @Test
  void limitIsConfigurable() throws Exception {
    byte[] png = TestImages.encode(TestImages.gradient(10, 10), "png");
    ImageDecoder small = new ImageDecoder(24); // not even its half size, 5x5, fits
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> small.decode(png, png.length));
    assertEquals(RejectReason.TOO_LARGE, e.reason());
    assertEquals("10x10 exceeds image.max.pixels=24 even read at half size", e.getMessage());
  }

  /** A phone photo over the limit (48 megapixels against 40) is read at half size, not refused. */
  @Test
  void anImageUpToFourTimesTheLimitIsReadAtHalfSize() throws Exception {
    BufferedImage original = TestImages.gradient(11, 9);
    for (String format : new String[] {"png", "bmp", "gif", "tiff", "jpg"}) {
      byte[] bytes = TestImages.encode(original, format);
      ImageDecoder limited = new ImageDecoder(6 * 5);
      assertEquals(30, limited.pixels(bytes, bytes.length), format);
      RgbImage half = limited.decode(bytes, bytes.length);
      assertEquals(6, half.width(), format);
      assertEquals(5, half.height(), format);
      if (!format.equals("jpg")) { // lossless: every second pixel of every second row, exactly
        RgbImage full = new ImageDecoder().decode(bytes, bytes.length);
        int[] whole = Arrays.copyOf(full.pixels(), full.width() * full.height());
        for (int y = 0; y < 5; y++) {
          for (int x = 0; x < 6; x++) {
            assertEquals(whole[2 * y * 11 + 2 * x], half.pixels()[y * 6 + x], format + " at " + x + "," + y);
          }
        }
      }
    }
  }

  @Test
  void aProgressiveJpegOverTheLimitIsRefusedNotReadAtHalfSize() throws Exception {
    // libjpeg keeps every coefficient of a progressive JPEG whatever size is read: 12600x12600 read
    // at half size took 1.3 GB. The same picture as a baseline JPEG is read at half size above.
    byte[] progressive = TestImages.jpeg(new javax.imageio.IIOImage(TestImages.gradient(11, 9), null, null),
        p -> p.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT));
    // 80 pixels: 10 scans of 99 pass the scans' rule, and 6x5 at half size would fit.
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> new ImageDecoder(80).decode(progressive, progressive.length));
    assertEquals(RejectReason.TOO_LARGE, e.reason());
    assertEquals("a 11x9 image of progressive JPEG data, decoded whole at any size read: 99 pixels, more than image.max.pixels=80",
        e.getMessage());
    assertEquals(11, new ImageDecoder(99).decode(progressive, progressive.length).width(), "within the limit, decoded");
  }

  @Test
  void aGifWithAHeaderAndNoFrameIsARejectNotACrash() {
    // "GIF89a", a logical screen descriptor of 7 bytes, then the trailer: the JDK's reader throws
    // an unchecked exception from getWidth(0).
    byte[] gif = new byte[14];
    System.arraycopy("GIF89a".getBytes(StandardCharsets.US_ASCII), 0, gif, 0, 6);
    gif[6] = 10;
    gif[8] = 10;
    gif[13] = ';';
    assertEquals(RejectReason.CORRUPT, rejectOf(gif));
  }

  @Test
  void everyMutationOfRealImagesIsAVectorOrAReject() throws Exception {
    BufferedImage picture = TestImages.gradient(40, 30);
    ImagePreprocessor prep = new ImagePreprocessor(ModelDescriptor.preset("squeezenet1.1"), 10_000_000);
    ImageBatch batch = new ImageBatch(ModelDescriptor.preset("squeezenet1.1"), 1);
    ImageMutator mutator = new ImageMutator(20261126L);
    int rejected = 0;
    for (String format : new String[] {"jpg", "png", "gif", "bmp"}) {
      byte[] original = TestImages.encode(picture, format);
      for (ImageMutator.Kind kind : ImageMutator.Kind.values()) {
        for (int i = 0; i < 50; i++) {
          byte[] bad = mutator.mutate(original, kind);
          try {
            prep.prepare(bad, bad.length, batch, 0);
          } catch (RejectedImageException e) {
            rejected++;
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a reject says why");
          }
        }
      }
    }
    assertTrue(rejected > 0, "some of 800 damaged files are rejected");
  }
}
