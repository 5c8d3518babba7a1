package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Families from the catalogue's species: all apples are one family, a kiwi another. */
class FamiliesTest {
  @Test
  void theFamilyProbabilityAddsTheVarieties() {
    Families f = Families.of(List.of("Apple Braeburn 1", "Apple Golden 1", "Kiwi 1", "Not In The Catalogue"), FruitCatalogue.load());
    double[] q = {0.3, 0.25, 0.4, 0.05};
    assertEquals(0.55, f.probability(q, 0), 1e-12, "Braeburn and Golden are both Malus domestica");
    assertEquals(0.4, f.probability(q, 2), 1e-12);
    assertEquals(0.05, f.probability(q, 3), 1e-12, "an unknown class is its own family");
    assertEquals(2, Families.argmax(q));
  }
}
