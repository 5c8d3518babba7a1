package io.fruits.features.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.ImageDecoder;
import io.fruits.features.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AugmenterTest {
  private static final int RED = 0xc81e1e;

  /** A red disk of radius r on Fruits-360's white, with a little JPEG-like noise on the white. */
  private static RgbImage diskOnWhite(int size, int r) {
    int[] px = new int[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int dx = x - size / 2;
        int dy = y - size / 2;
        int noise = (x * 7 + y * 13) % 6;
        px[y * size + x] = dx * dx + dy * dy <= r * r ? RED : (255 - noise) * 0x010101;
      }
    }
    return new RgbImage(px, size, size);
  }

  @Test
  void theCutoutIsTheDiskAndNotTheWhiteAroundIt() {
    Cutout c = Cutout.of(diskOnWhite(100, 30));
    assertEquals(0f, c.alpha()[0], "corner is background");
    assertEquals(1f, c.alpha()[50 * 100 + 50], "centre is fruit");
    assertEquals(21, c.left(), 1); // the disk less its outermost ring
    assertEquals(80, c.right(), 1);
    assertEquals(59, c.boxWidth(), 1);
  }

  @Test
  void whiteInsideTheFruitStaysFruit() {
    RgbImage ring = diskOnWhite(100, 30);
    for (int y = 45; y < 55; y++) {
      for (int x = 45; x < 55; x++) {
        ring.pixels()[y * 100 + x] = 0xffffff; // a highlight, not reachable from the border
      }
    }
    assertEquals(1f, Cutout.of(ring).alpha()[50 * 100 + 50]);
  }

  @Test
  void aPictureWithNoWhiteBorderIsKeptWhole() {
    int[] px = new int[40 * 30];
    java.util.Arrays.fill(px, 0x336699);
    Cutout c = Cutout.of(new RgbImage(px, 40, 30));
    assertEquals(40, c.boxWidth());
    assertEquals(30, c.boxHeight());
    assertEquals(1f, c.alpha()[0]);
  }

  @Test
  void aFruitTheFloodAteIsKeptWholeRatherThanLost() {
    Cutout c = Cutout.of(diskOnWhite(100, 5)); // under a twentieth of the picture
    assertEquals(100, c.boxWidth());
  }

  @Test
  void variantsAreJpegsOfTheModelSizeAndDependOnIdNumberAndSeedAlone() throws Exception {
    RgbImage image = diskOnWhite(100, 35);
    List<byte[]> a = new Augmenter(7).variants("Training/Red/1.jpg", image, 3);
    List<byte[]> again = new Augmenter(7).variants("Training/Red/1.jpg", diskOnWhite(100, 35), 3);
    assertEquals(3, a.size());
    for (int k = 0; k < 3; k++) {
      assertArrayEquals(a.get(k), again.get(k), "variant " + (k + 1) + " is reproducible");
      RgbImage decoded = new ImageDecoder().decode(a.get(k), a.get(k).length);
      assertEquals(Augmenter.SIZE, decoded.width());
      assertEquals(Augmenter.SIZE, decoded.height());
    }
    assertFalse(java.util.Arrays.equals(a.get(0), a.get(1)), "variants of one image differ");
    assertFalse(java.util.Arrays.equals(a.get(0), new Augmenter(8).variants("Training/Red/1.jpg", image, 1).get(0)), "seed matters");
    assertFalse(java.util.Arrays.equals(a.get(0), new Augmenter(7).variants("Training/Red/2.jpg", image, 1).get(0)), "id matters");
  }

  @Test
  void variantsShowTheFruitOffItsWhiteBackground() throws Exception {
    RgbImage image = diskOnWhite(100, 35);
    double whiteBefore = share(image, Cutout::whiteish);
    List<byte[]> variants = new Augmenter(1).variants("Training/Red/1.jpg", image, 40);
    int withFruit = 0;
    double white = 0;
    for (byte[] v : variants) {
      RgbImage d = new ImageDecoder().decode(v, v.length);
      white += share(d, Cutout::whiteish) / variants.size();
      // Reddish pixels: the disk survived the light and colour changes somewhere in the frame.
      if (share(d, p -> ((p >> 16) & 0xff) > 2 * ((p >> 8) & 0xff) + 20) > 0.02) {
        withFruit++;
      }
    }
    assertTrue(whiteBefore > 0.5, "the source is mostly white: " + whiteBefore);
    assertTrue(white < 0.05, "variants are rarely white: " + white);
    assertTrue(withFruit >= 36, "the fruit is visible in " + withFruit + " of 40 variants");
  }

  @Test
  void variantIdsStayInTheImagesFolder() {
    assertEquals("Training/Apple 6/r0_1_100.jpg.aug2.jpg", Augmenter.variantId("Training/Apple 6/r0_1_100.jpg", 2));
  }

  @Test
  void aVariantNamesItsImage() {
    String id = "Training/Apple 6/r0_1_100.jpg";
    assertEquals(id, Augmenter.sourceOf(Augmenter.variantId(id, 12)));
    assertTrue(Augmenter.isVariant(Augmenter.variantId(id, 1)));
    assertFalse(Augmenter.isVariant(id));
    assertEquals("photo.aug.jpg", Augmenter.sourceOf("photo.aug.jpg"), "no number: an image of its own");
    assertEquals("photo.aug0.jpg", Augmenter.sourceOf("photo.aug0.jpg"), "variants count from 1");
  }

  @Test
  void aPhotoNotOnWhiteIsReframedNotCutOut() throws Exception {
    int[] px = new int[300 * 200];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i % 300) < 150 ? 0x2a5f1c : 0x8a4b22; // a green and a brown half: a shelf, not white
    }
    RgbImage photo = new RgbImage(px, 300, 200);
    assertFalse(Cutout.onWhite(photo));
    assertTrue(Cutout.onWhite(diskOnWhite(100, 45)), "a big fruit touching the frame is still on white");
    byte[] v = new Augmenter(5).variants("Shelf/1.jpg", photo, 1).get(0);
    RgbImage d = new ImageDecoder().decode(v, v.length);
    assertEquals(Augmenter.SIZE, d.width());
    assertTrue(share(d, Cutout::whiteish) < 0.01, "no drawn background, no white: only the photo's own colours");
  }

  @Test
  void oddShapesAndBlankPicturesStillGiveVariants() throws Exception {
    int[][] sizes = {{1, 1}, {1, 500}, {500, 1}, {3, 2}, {2, 3}, {100, 100}};
    for (int[] size : sizes) {
      for (int fill : new int[] {0xffffff, 0x000000, 0x7f7f7f}) {
        int[] px = new int[size[0] * size[1]];
        java.util.Arrays.fill(px, fill);
        for (byte[] v : new Augmenter(11).variants("odd.png", new RgbImage(px, size[0], size[1]), 4)) {
          assertEquals(Augmenter.SIZE, new ImageDecoder().decode(v, v.length).height(), size[0] + "x" + size[1]);
        }
      }
    }
  }

  @Test
  void aLargePhotoIsShrunkBeforeItIsCutOut() throws Exception {
    RgbImage big = diskOnWhite(2000, 700);
    byte[] v = new Augmenter(3).variants("big.jpg", big, 1).get(0);
    assertEquals(Augmenter.SIZE, new ImageDecoder().decode(v, v.length).width());
  }

  private static double share(RgbImage image, java.util.function.IntPredicate test) {
    int n = image.width() * image.height();
    int hits = 0;
    for (int i = 0; i < n; i++) {
      hits += test.test(image.pixels()[i]) ? 1 : 0;
    }
    return (double) hits / n;
  }
}
