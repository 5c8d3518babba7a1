package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fruits.features.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The views of a photo, on a 10 x 20 image whose every pixel holds its own coordinates. */
class ViewsTest {
  private static RgbImage numbered() {
    int[] p = new int[10 * 20];
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 10; x++) {
        p[y * 10 + x] = (x << 8) | y;
      }
    }
    return new RgbImage(p, 10, 20);
  }

  @Test
  void theWholePhotoThenTheCentreThenTheCorners() {
    List<RgbImage> v = Views.of(numbered(), 6);
    assertEquals(6, v.size());
    assertEquals(10, v.get(0).width());
    for (RgbImage crop : v.subList(1, 6)) {
      assertEquals(7, crop.width()); // 0.7 of 10
      assertEquals(14, crop.height()); // 0.7 of 20
    }
    assertEquals((1 << 8) | 3, v.get(1).pixels()[0], "the centre starts at (1, 3)");
    assertEquals(0, v.get(2).pixels()[0], "top left");
    assertEquals(3 << 8, v.get(3).pixels()[0], "top right starts at (3, 0)");
    assertEquals(6, v.get(4).pixels()[0], "bottom left starts at (0, 6)");
    assertEquals((9 << 8) | 19, v.get(5).pixels()[7 * 14 - 1], "bottom right ends at (9, 19)");
  }

  @Test
  void countsOutsideOneToSixAreRefused() {
    assertEquals(1, Views.of(numbered(), 1).size());
    assertThrows(IllegalArgumentException.class, () -> Views.of(numbered(), 0));
    assertThrows(IllegalArgumentException.class, () -> Views.of(numbered(), 7));
  }

  @Test
  void autoGivesAPhotoOnWhiteOneViewAndAnyOtherSix() {
    assertEquals(1, Views.count(true, Views.AUTO));
    assertEquals(Views.MAX, Views.count(false, Views.AUTO));
    assertEquals(2, Views.count(false, 2), "a count given is kept");
    assertEquals(2, Views.count(true, 2), "a count given is kept");
  }
}
