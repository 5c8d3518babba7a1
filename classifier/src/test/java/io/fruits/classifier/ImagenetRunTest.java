package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ImageNet run must hold the images whose produce threshold it sets. */
class ImagenetRunTest {
  private static ImagenetRun of(String... ids) {
    return new ImagenetRun(List.of(ids), Collections.nCopies(ids.length, 0.5), Map.of());
  }

  @Test
  void theSameImagesInAnyOrderPass() {
    assertDoesNotThrow(() -> of("Kiwi/b.jpg", "Kiwi/a.jpg").requireImagesOf(List.of("Kiwi/a.jpg", "Kiwi/b.jpg"), "--imagenet", "the photos"));
  }

  @Test
  void aRunOfTheTrainingFolderMatchesTheTrainingRowsOfAWholeRun() {
    // fruits run --input fruits-360/Training gives ids without the Training/ that a run of fruits-360 has.
    assertDoesNotThrow(() -> of("Kiwi/a.jpg", "Lime/b.jpg")
        .requireImagesOf(List.of("Training/Kiwi/a.jpg", "Training/Lime/b.jpg"), "--studio-imagenet", "the Training images"));
    assertDoesNotThrow(() -> of("train/Kiwi/a.jpg").requireImagesOf(List.of("Kiwi/a.jpg"), "--imagenet", "the photos"));
  }

  @Test
  void aRunOfOtherImagesFailsWithWhatDiffers() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> of("Kiwi/a.jpg", "Lime/x.jpg").requireImagesOf(List.of("Kiwi/a.jpg", "Kiwi/b.jpg", "Kiwi/c.jpg"), "--imagenet", "the photo run P"));
    assertEquals("--imagenet holds other images than the photo run P: 1 of its 2 are not among them (e.g. 'Lime/x.jpg'), 2 of their 3"
        + " are not in it; run the same folder through the ImageNet classifier", e.getMessage());
  }

  @Test
  void theTestImagesInTheRunAreNotTheTrainingImages() {
    // A run of all of fruits-360 would set the threshold of photos on white by Test images too.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of("Training/Kiwi/a.jpg", "Test/Kiwi/t.jpg")
        .requireImagesOf(List.of("Training/Kiwi/a.jpg"), "--studio-imagenet", "the Training images"));
    assertEquals("--studio-imagenet holds other images than the Training images: 1 of its 2 are not among them (e.g. 'Test/Kiwi/t.jpg'),"
        + " 0 of their 1 are not in it; run the same folder through the ImageNet classifier", e.getMessage());
  }
}
