package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassifierTrainingTest {
  @Test
  void oneClassIsRefusedInOneLineTwoAreTrained() {
    List<LabelledVector> apples = rows("Apple 6", 0, 60);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassifierTraining.run(apples, List.of(), null, 2));
    assertEquals("a classifier needs at least 2 classes; the run's Training/ images and photos have 1 (Apple 6):"
        + " give it images of at least 2 classes", e.getMessage());

    List<LabelledVector> two = new ArrayList<>(apples);
    two.addAll(rows("Banana 1", 3, 60));
    assertEquals(List.of("Apple 6", "Banana 1"), ClassifierTraining.run(two, List.of(), null, 2).classifier().classes());
  }

  /** {@code n} Training rows of {@code label} around {@code centre} in 4 dimensions. */
  private static List<LabelledVector> rows(String label, double centre, int n) {
    Random random = new Random(label.hashCode());
    List<LabelledVector> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] v = new double[4];
      for (int j = 0; j < v.length; j++) {
        v[j] = centre + random.nextGaussian();
      }
      rows.add(new LabelledVector("Training/" + label + "/r_" + i + "_100.jpg", label, v));
    }
    return rows;
  }
}
