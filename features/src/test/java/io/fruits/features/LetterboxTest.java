package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A photo on white keeps its shape in the model's input; any other photo is resized as before. */
class LetterboxTest {
  private static final int WHITE = 0xFFFFFF;
  private static final int GREEN = 0x206020;

  /** A {@code w} x {@code h} photo on white: a green fruit filling all but a white margin of {@code margin}. */
  private static RgbImage onWhite(int w, int h, int margin) {
    int[] p = new int[w * h];
    Arrays.fill(p, WHITE);
    for (int y = margin; y < h - margin; y++) {
      Arrays.fill(p, y * w + margin, y * w + w - margin, GREEN);
    }
    return new RgbImage(p, w, h);
  }

  @Test
  void aTallPhotoKeepsItsShapeWithWhiteOnBothSides() {
    RgbImage cucumber = onWhite(100, 400, 1); // 1:4, as Fruits-360's original-size cucumbers
    RgbImage fitted = new Letterbox(224, 224).fit(cucumber);
    assertEquals(224, fitted.width());
    assertEquals(224, fitted.height());
    // 56 columns of photo in the middle (84 to 139), white to each side.
    int[] middleRow = Arrays.copyOfRange(fitted.pixels(), 112 * 224, 113 * 224);
    for (int x = 0; x < 84; x++) {
      assertEquals(WHITE, middleRow[x], "left of the photo at " + x);
      assertEquals(WHITE, middleRow[223 - x], "right of the photo at " + (223 - x));
    }
    for (int x = 86; x < 138; x++) {
      assertEquals(GREEN, middleRow[x], "the fruit at " + x);
    }
  }

  @Test
  void thePhotoPartIsTheResizerOutputAtTheFittedSize() {
    RgbImage wide = new RgbImage(TestImages.gradient(300, 100).getRGB(0, 0, 300, 100, null, 0, 300), 300, 100);
    for (int i = 0; i < wide.pixels().length; i++) {
      wide.pixels()[i] &= 0xFFFFFF;
    }
    RgbImage fitted = new Letterbox(224, 224).fit(wide);
    RgbImage expected = new BilinearResizer(224, 75, false).resize(wide);
    int top = (224 - 75) / 2;
    assertArrayEquals(Arrays.copyOf(expected.pixels(), 224 * 75), Arrays.copyOfRange(fitted.pixels(), top * 224, (top + 75) * 224));
    assertEquals(WHITE, fitted.pixels()[0]);
    assertEquals(WHITE, fitted.pixels()[224 * 224 - 1]);
  }

  @Test
  void onlyAnotherShapeNeedsIt() {
    Letterbox box = new Letterbox(224, 224);
    assertFalse(box.needed(onWhite(100, 100, 10)), "Fruits-360's own images");
    assertFalse(box.needed(onWhite(2000, 2000, 10)));
    assertTrue(box.needed(onWhite(100, 99, 10)));
    assertTrue(box.needed(onWhite(1, 5000, 0)));
    assertEquals(224, new Letterbox(224, 224).fit(onWhite(1, 5000, 0)).height(), "a 1-pixel-wide photo is at least one column");
  }

  @Test
  void thePreprocessorFitsPhotosOnWhiteAndStretchesTheOthers() throws Exception {
    ImagePreprocessor prep = new ImagePreprocessor(ModelDescriptor.preset("squeezenet1.1"), 10_000_000);
    BilinearResizer stretch = new BilinearResizer(224, 224, false);
    RgbImage tall = onWhite(100, 400, 3);
    RgbImage fitted = prep.resize(tall);
    assertEquals(WHITE, fitted.pixels()[112 * 224], "white beside a tall photo on white");
    assertEquals(GREEN, fitted.pixels()[112 * 224 + 112]);

    RgbImage shelf = onWhite(100, 400, 1);
    Arrays.fill(shelf.pixels(), 0x604020); // no white edge: a real photo
    assertArrayEquals(Arrays.copyOf(stretch.resize(shelf).pixels(), 224 * 224), Arrays.copyOf(prep.resize(shelf).pixels(), 224 * 224));

    RgbImage square = onWhite(100, 100, 10);
    assertArrayEquals(Arrays.copyOf(stretch.resize(square).pixels(), 224 * 224), Arrays.copyOf(prep.resize(square).pixels(), 224 * 224),
        "a square photo on white is the same either way");
    // A view of a photo is judged by the whole photo: the same tall photo, said not to be on white, is stretched.
    assertArrayEquals(Arrays.copyOf(stretch.resize(tall).pixels(), 224 * 224), Arrays.copyOf(prep.resize(tall, false).pixels(), 224 * 224));
  }
}
