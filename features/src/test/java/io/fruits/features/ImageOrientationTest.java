package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A photo stored sideways with an EXIF orientation decodes upright. The stored pixels are built
 * from the EXIF standard's own words for each value ("row 0 is the visual right side, column 0 the
 * visual top"), not from the decoder's arithmetic, and the upright picture has four quadrants of
 * different colours in a 48x32 frame, so every turn and mirror gives a different wrong answer.
 */
class ImageOrientationTest {
  private static final int W = 48;
  private static final int H = 32;
  private static final int[] QUADRANTS = {0xd02020, 0x20b020, 0x2040d0, 0xe0d020}; // TL, TR, BL, BR
  private static final int[][] CENTRES = {{W / 4, H / 4}, {3 * W / 4, H / 4}, {W / 4, 3 * H / 4}, {3 * W / 4, 3 * H / 4}};

  @ParameterizedTest(name = "EXIF {0}: row 0 is the {1}, column 0 the {2}")
  @CsvSource({
    "1, top, left", "2, top, right", "3, bottom, right", "4, bottom, left",
    "5, left, top", "6, right, top", "7, right, bottom", "8, left, bottom"
  })
  void aStoredPhotoIsTurnedUpright(int exif, String row0, String column0) throws Exception {
    byte[] jpeg = TestImages.withExifOrientation(TestImages.encode(stored(upright(), row0, column0), "jpg"), exif);
    RgbImage image = new ImageDecoder().decode(jpeg, jpeg.length);
    assertEquals(W + "x" + H, image.width() + "x" + image.height());
    assertQuadrants(image, QUADRANTS);
  }

  @Test
  void aGreyPhotoIsTurnedToo() throws Exception {
    BufferedImage grey = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
    grey.getGraphics().drawImage(upright(), 0, 0, null);
    byte[] jpeg = TestImages.withExifOrientation(TestImages.encode(stored(grey, "right", "top"), "jpg"), 6);
    RgbImage image = new ImageDecoder().decode(jpeg, jpeg.length);
    assertEquals(W + "x" + H, image.width() + "x" + image.height());
    // Red is the darkest quadrant in grey, yellow the lightest: top left must be darker than bottom right.
    assertTrue(image.green(W / 4, H / 4) + 60 < image.green(3 * W / 4, 3 * H / 4), "top left darker than bottom right");
  }

  @Test
  void aCmykPhotoIsTurnedToo() throws Exception {
    // Decoded to ARGB ints, not BGR bytes: the decoder's third way of copying pixels.
    // A CMYK file without a profile gets a generic conversion: compare with the upright file's colours.
    byte[] reference = TestImages.cmykJpeg(upright());
    RgbImage upright = new ImageDecoder().decode(reference, reference.length);
    int[] colours = new int[4];
    for (int q = 0; q < 4; q++) {
      colours[q] = upright.pixels()[CENTRES[q][1] * W + CENTRES[q][0]];
    }
    byte[] jpeg = TestImages.withExifOrientation(TestImages.cmykJpeg(stored(upright(), "left", "bottom")), 8);
    RgbImage image = new ImageDecoder().decode(jpeg, jpeg.length);
    assertEquals(W + "x" + H, image.width() + "x" + image.height());
    assertQuadrants(image, colours);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "an IFD beyond the block, 4d4d002a000f4240",
    "60000 entries and no room for them, 4d4d002a00000008ea600112000300000001",
    "a byte order that is neither, 5858002a0000000800010112000300000001000600000000000000",
    "nothing after the header, ''"
  })
  void aDamagedExifBlockCostsTheTurnNotThePhoto(String what, String tiffHex) throws Exception {
    byte[] payload = java.util.HexFormat.of().parseHex("457869660000" + tiffHex); // "Exif\0\0" and the TIFF block
    byte[] jpeg = TestImages.withApp1(TestImages.encode(upright(), "jpg"), payload);
    RgbImage image = new ImageDecoder().decode(jpeg, jpeg.length);
    assertEquals(W + "x" + H, image.width() + "x" + image.height());
    assertQuadrants(image, QUADRANTS);
  }

  @Test
  void anOrientationOutsideTheStandardLeavesThePhotoAsStored() throws Exception {
    byte[] jpeg = TestImages.withExifOrientation(TestImages.encode(upright(), "jpg"), 9);
    RgbImage image = new ImageDecoder().decode(jpeg, jpeg.length);
    assertQuadrants(image, QUADRANTS);
  }

  private static BufferedImage upright() {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        img.setRGB(x, y, QUADRANTS[(y < H / 2 ? 0 : 2) + (x < W / 2 ? 0 : 1)]);
      }
    }
    return img;
  }

  /** The stored image whose row 0 is the upright image's {@code row0} side, read from its {@code column0} end. */
  private static BufferedImage stored(BufferedImage up, String row0, String column0) {
    int w = up.getWidth();
    int h = up.getHeight();
    boolean rowsAreRows = row0.equals("top") || row0.equals("bottom");
    BufferedImage out = new BufferedImage(rowsAreRows ? w : h, rowsAreRows ? h : w, up.getType());
    for (int r = 0; r < out.getHeight(); r++) {
      for (int c = 0; c < out.getWidth(); c++) {
        int x;
        int y;
        if (rowsAreRows) {
          y = row0.equals("top") ? r : h - 1 - r;
          x = column0.equals("left") ? c : w - 1 - c;
        } else {
          x = row0.equals("left") ? r : w - 1 - r;
          y = column0.equals("top") ? c : h - 1 - c;
        }
        out.setRGB(c, r, up.getRGB(x, y));
      }
    }
    return out;
  }

  private static void assertQuadrants(RgbImage image, int[] colours) {
    for (int q = 0; q < 4; q++) {
      int x = CENTRES[q][0];
      int y = CENTRES[q][1];
      int want = colours[q];
      int distance = Math.abs(image.red(x, y) - (want >> 16 & 0xff))
          + Math.abs(image.green(x, y) - (want >> 8 & 0xff))
          + Math.abs(image.blue(x, y) - (want & 0xff));
      assertTrue(distance < 40, "quadrant " + q + " at " + x + "," + y + " is off by " + distance);
    }
  }
}
