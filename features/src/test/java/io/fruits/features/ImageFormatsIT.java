package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Fruits-360 photo in every format of {@link FormatSamples}, decoded by {@link ImageDecoder}
 * and compared pixel by pixel with the photo itself: lossless formats exactly, CMYK/YCCK JPEGs
 * (through their ICC profile) and lossy WebP within a few levels.
 */
class ImageFormatsIT {
  @TempDir static Path tmp;
  static BufferedImage photo;
  static Map<String, byte[]> samples;

  @BeforeAll
  static void samples() throws Exception {
    FormatSamples.requireTools();
    Path file;
    try (var files = Files.list(SharedData.fruits().resolve("Test/Apple Red 1"))) {
      file = files.sorted().findFirst().orElseThrow();
    }
    photo = FormatSamples.rgb(ImageIO.read(file.toFile()));
    samples = FormatSamples.all(photo, tmp);
  }

  @Test
  void cmykAndYcckJpegsGoThroughTheirIccProfile() throws Exception {
    // The reference is the photo as the press profile prints it (its CMYK samples back to sRGB
    // before any JPEG), since a press cannot print an apple's saturated reds.
    BufferedImage printed = FormatSamples.cmykAsPrinted(photo);
    byte[] noProfile = FormatSamples.cmykJpeg(photo, false, new byte[0]);
    double guessed = error(new ImageDecoder().decode(noProfile, noProfile.length), printed)[0];
    for (String name : new String[] {"cmyk-icc.jpg", "ycck-icc.jpg"}) {
      double[] error = error(decode(name), printed);
      System.out.printf(java.util.Locale.ROOT, "%s: mean %.2f levels, 99th percentile %.0f (no profile: mean %.2f)%n", name, error[0],
          error[1], guessed);
      // JPEG at quality 0.95 on four channels plus the reader's rendering intent: a few levels on
      // average. Without the profile (a generic conversion) it is many times that.
      assertTrue(error[0] < 4, name + ": mean error " + error[0] + " levels");
      assertTrue(guessed > 3 * error[0], name + ": the profile made no difference (" + guessed + " without it)");
    }
  }

  @Test
  void losslessFormatsGiveThePixelsBack() throws Exception {
    for (String name : new String[] {"lossless.webp", "lzw.tif", "sixteen-bit-lzw.tif", "uncompressed.tif", "sixteen-bit-uncompressed.tif",
        "animated.webp"}) {
      assertArrayEquals(pixels(photo), decode(name).pixels(), name); // of an animation, the first frame
    }
  }

  @Test
  void lossyFormatsAreClose() throws Exception {
    for (String name : new String[] {"lossy.webp", "jpeg.tif"}) {
      double[] error = error(decode(name), photo);
      assertTrue(error[0] < 4, name + ": mean error " + error[0]);
    }
  }

  @Test
  void alphaWebpIsCompositedOntoWhite() throws Exception {
    RgbImage image = decode("alpha.webp");
    int w = photo.getWidth();
    int border = w / 10;
    assertEquals(0xFFFFFF, image.pixels()[0], "a transparent corner is white");
    int inside = (w / 2) * w + w / 2;
    assertEquals(photo.getRGB(w / 2, w / 2) & 0xFFFFFF, image.pixels()[inside], "an opaque pixel is the photo's");
    int half = (w / 2) * w + border + 1; // alpha 128 there
    int expected = photo.getRGB(border + 1, w / 2) & 0xFF;
    int blended = (expected * 128 + 255 * 127 + 127) / 255;
    assertTrue(Math.abs((image.pixels()[half] & 0xFF) - blended) <= 1, "half transparent: " + (image.pixels()[half] & 0xFF) + " vs " + blended);
  }

  @Test
  void animatedGifGivesItsFirstFrame() throws Exception {
    // GIF has 256 colours: the first frame, not the second (upside down), is the one close to the photo.
    RgbImage image = decode("animated.gif");
    double first = error(image, photo)[0];
    double second = error(image, FormatSamples.upsideDown(photo))[0];
    assertTrue(first < 8 && first * 3 < second, "first frame error " + first + ", second " + second);
  }

  @Test
  void aCutWebpIsARejectNotMadeUpPixels() {
    // TwelveMonkeys' lossless decoder reads the end of a cut file as zero bits: before
    // BytesImageInput, every cut of the lossless files below was decoded "fine" (a 2000x2667 photo
    // cut in half took 47 s). The lossy decoder always refused them.
    for (String name : new String[] {"lossless.webp", "alpha.webp", "lossy.webp"}) {
      assertCutIsCorrupt(name, samples.get(name).length / 2);
      assertCutIsCorrupt(name, samples.get(name).length / 20);
    }
    // Of an animation, a cut inside its first frame; a cut after it still gives that frame, as a GIF does.
    assertCutIsCorrupt("animated.webp", samples.get("animated.webp").length / 4);
  }

  private static void assertCutIsCorrupt(String name, int cut) {
    byte[] whole = samples.get(name);
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> new ImageDecoder().decode(whole, cut), name + " cut at " + cut);
    assertEquals(RejectReason.CORRUPT, e.reason(), name + " cut at " + cut + ": " + e.getMessage());
  }

  @Test
  void everyMutationOfEveryFormatIsAnImageOrAReject() throws Exception {
    // The pipeline's fuzz (FuzzedImagesIT) damages JPEG, PNG, GIF and BMP files; these are the
    // plug-ins' formats. Anything but a reject escaping decode() fails this test.
    ImageMutator mutator = new ImageMutator(20261130L);
    int rejected = 0;
    for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
      for (ImageMutator.Kind kind : ImageMutator.Kind.values()) {
        for (int i = 0; i < 10; i++) {
          byte[] bad = mutator.mutate(sample.getValue(), kind);
          try {
            new ImageDecoder().decode(bad, bad.length);
          } catch (RejectedImageException e) {
            rejected++;
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a reject says why");
          }
        }
      }
    }
    assertTrue(rejected > 0, "some of the damaged files are rejected");
  }

  private static RgbImage decode(String name) throws RejectedImageException {
    byte[] b = samples.get(name);
    return new ImageDecoder().decode(b, b.length).copy();
  }

  private static int[] pixels(BufferedImage image) {
    int[] p = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    for (int i = 0; i < p.length; i++) {
      p[i] &= 0xFFFFFF;
    }
    return p;
  }

  /** Mean and 99th percentile of the absolute difference per channel, in levels of 255. */
  private static double[] error(RgbImage image, BufferedImage reference) {
    int[] a = java.util.Arrays.copyOf(image.pixels(), image.width() * image.height());
    int[] b = pixels(reference);
    assertEquals(b.length, a.length, "size");
    int[] diffs = new int[3 * a.length];
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      for (int c = 0; c < 3; c++) {
        int d = Math.abs((a[i] >> (8 * c) & 0xFF) - (b[i] >> (8 * c) & 0xFF));
        diffs[3 * i + c] = d;
        sum += d;
      }
    }
    java.util.Arrays.sort(diffs);
    return new double[] {sum / (double) diffs.length, diffs[(int) (diffs.length * 0.99)]};
  }
}
