package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.augment.Augmenter;
import org.junit.jupiter.api.Test;

/** A variant is held out exactly when the image it was made of is: never trained on while its image judges the calibration. */
class HeldOutVariantsTest {
  @Test
  void variantsFollowTheirImage() {
    int held = 0;
    for (int i = 0; i < 400; i++) {
      String photo = "Banana/Banana_" + String.format("%03d", i) + ".jpg";
      String fruit = "Training/Banana 1/r_" + i + "_100.jpg";
      for (int k = 1; k <= 3; k++) {
        assertEquals(ClassifierTraining.heldPhoto(photo), ClassifierTraining.heldPhoto(Augmenter.variantId(photo, k)), photo);
        assertEquals(ClassifierTraining.heldFruit(fruit), ClassifierTraining.heldFruit(Augmenter.variantId(fruit, k)), fruit);
      }
      held += ClassifierTraining.heldPhoto(photo) ? 1 : 0;
    }
    assertTrue(held > 40 && held < 240, "some photos held out, not all: " + held);
  }
}
