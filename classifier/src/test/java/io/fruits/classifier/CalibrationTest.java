package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Temperature scaling and the "sure" rule, against hand-computed cases and a known temperature. */
class CalibrationTest {
  private static final Families OWN_FAMILIES = Families.of(List.of("a", "b", "c"), FruitCatalogue.load()); // not in the catalogue

  @Test
  void scalingByHand() {
    // T = 2: q is proportional to sqrt(p): 0.7071, 0.5, 0.5 over 1.7071.
    assertArrayEquals(new double[] {0.414214, 0.292893, 0.292893}, Calibration.scale(new double[] {0.5, 0.25, 0.25}, 2), 1e-6);
    assertArrayEquals(new double[] {0.5, 0.25, 0.25}, Calibration.scale(new double[] {0.5, 0.25, 0.25}, 1), 1e-12);
  }

  @Test
  void theFittedTemperatureIsTheOneTheLabelsWereDrawnWith() {
    // The classifier says softmax(z); the truth is drawn from softmax(z / 2.5): over-confident by 2.5.
    Random r = new Random(3);
    List<Calibration.Case> cases = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double[] z = {r.nextGaussian() * 4, r.nextGaussian() * 4, r.nextGaussian() * 4};
      double[] p = Calibration.scale(softmax(z), 1);
      double[] truth = Calibration.scale(p, 2.5);
      double u = r.nextDouble();
      int label = u < truth[0] ? 0 : u < truth[0] + truth[1] ? 1 : 2;
      boolean[] right = new boolean[3];
      right[label] = true;
      cases.add(new Calibration.Case(p, right, 1));
    }
    assertEquals(2.5, Calibration.temperature(cases), 0.1);
  }

  @Test
  void theThresholdIsTheLowestWhereNineInTenSureAnswersAreRight() {
    // Ten rows, one class each of its own family; confidence 0.95 .. 0.50 by 0.05, the 3rd and 7th wrong (b was right).
    List<Calibration.Case> cases = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      double top = 0.95 - 0.05 * i;
      boolean wrong = i == 2 || i == 6;
      boolean[] right = {!wrong, wrong, false};
      cases.add(new Calibration.Case(new double[] {top, (1 - top) / 2, (1 - top) / 2}, right, 1));
    }
    Calibration c = Calibration.fit(cases, OWN_FAMILIES);
    // With T fit on these rows the order stays; precision of the first n: 1, 1, .67, .75, .8, .83, .71, .75, .78, .8.
    // The largest n with precision >= 0.9 is 2: the threshold is the 2nd row's confidence.
    assertEquals(2 / 10.0, c.coverage(), 1e-12);
    assertEquals(1.0, c.precision(), 1e-12);
    double second = OWN_FAMILIES.probability(c.apply(cases.get(1).probabilities()), 0);
    assertEquals(second, c.threshold(), 1e-12);
    assertTrue(c.sure(second, Double.NaN));
    assertFalse(c.sure(OWN_FAMILIES.probability(c.apply(cases.get(2).probabilities()), 0), Double.NaN));
  }

  @Test
  void neverSureWhenNoThresholdReachesThePrecision() {
    List<Calibration.Case> wrong = List.of(new Calibration.Case(new double[] {0.9, 0.05, 0.05}, new boolean[] {false, true, false}, 1));
    Calibration c = Calibration.fit(wrong, OWN_FAMILIES);
    assertEquals(Double.POSITIVE_INFINITY, c.threshold());
    assertFalse(c.sure(1.0, Double.NaN));
  }

  @Test
  void theImagenetCheckKeepsNinetyFivePercentOfThePhotos() {
    List<Double> scores = new ArrayList<>();
    for (int i = 20; i >= 1; i--) {
      scores.add(i / 20.0);
    }
    Calibration c = new Calibration(1, 0.5, 0, 1, 1, Double.NaN).withProduceScores(scores);
    assertEquals(0.10, c.produceMin(), 1e-12, "19 of 20 reach the 2nd smallest");
    assertTrue(c.sure(0.6, 0.10));
    assertFalse(c.sure(0.6, 0.05), "probable family, but ImageNet sees no produce");
    assertFalse(c.sure(0.4, 0.9), "produce, but no probable family");
  }

  @Test
  void propertiesRoundTrip() throws Exception {
    Calibration c = new Calibration(1.25, Double.POSITIVE_INFINITY, 7, 0, Double.NaN, 0.0537);
    assertEquals(c, Calibration.parse(c.properties()));
    assertEquals(Calibration.NONE, Calibration.parse(Calibration.NONE.properties()));
  }

  private static double[] softmax(double[] z) {
    double max = Math.max(z[0], Math.max(z[1], z[2]));
    double[] p = new double[z.length];
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < z.length; i++) {
      p[i] /= sum;
    }
    return p;
  }
}
