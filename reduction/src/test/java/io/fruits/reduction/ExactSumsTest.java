package io.fruits.reduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Order-free sums: any order and any grouping give the same bits, and the value is the true sum's. */
class ExactSumsTest {
  private static List<Double> terms() {
    Random r = new Random(3);
    List<Double> t = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      // Wide magnitudes and signs: where floating-point sums depend most on order.
      t.add(r.nextGaussian() * Math.pow(10, r.nextInt(13) - 6));
    }
    t.add(7.0e8);
    t.add(-6.9e8);
    return t;
  }

  @Test
  void anyOrderAndAnyGroupingGiveTheSameBits() {
    List<Double> t = terms();
    ExactSums whole = new ExactSums(1);
    t.forEach(v -> whole.add(0, v));
    Collections.shuffle(t, new Random(11));
    ExactSums merged = new ExactSums(1);
    for (int from = 0; from < t.size(); from += 997) {
      ExactSums part = new ExactSums(1);
      t.subList(from, Math.min(t.size(), from + 997)).forEach(v -> part.add(0, v));
      merged.merge(part);
    }
    assertEquals(whole.exact(0), merged.exact(0));
    assertEquals(Double.doubleToLongBits(whole.value(0)), Double.doubleToLongBits(merged.value(0)));

    double naiveForward = 0;
    for (double v : t) {
      naiveForward += v;
    }
    BigDecimal truth = BigDecimal.ZERO;
    for (double v : t) {
      truth = truth.add(new BigDecimal(v));
    }
    // Each term rounded to 2^-32: the error is at most n 2^-33, here below 3e-6.
    assertEquals(truth.doubleValue(), whole.value(0), 3e-6);
    assertEquals(truth.doubleValue(), naiveForward, 1e-3, "the reference itself is sane");
  }

  @Test
  void largeSumsCarryIntoTheHighWord() {
    ExactSums s = new ExactSums(1);
    for (int i = 0; i < 100_000; i++) {
      s.add(0, 9.0e8); // 100,000 x 9e8 x 2^32: far beyond one long
    }
    assertEquals(9.0e13, s.value(0), 0);
    for (int i = 0; i < 100_000; i++) {
      s.add(0, -9.0e8);
    }
    assertEquals(0.0, s.value(0), 0);
  }

  @Test
  void hugeTermsGoToTheHighWordExactly() {
    ExactSums s = new ExactSums(1);
    s.add(0, 3.0e15 + 0.5); // a double: 0.5 is the finest step at 3e15
    s.add(0, -3.0e15);
    s.add(0, 1.0e12 + 0.25);
    assertEquals(1.0e12 + 0.75, s.value(0), 0);
    ExactSums t = new ExactSums(1);
    t.add(0, 1.0e12 + 0.25);
    t.add(0, -3.0e15);
    t.add(0, 3.0e15 + 0.5);
    assertEquals(s.exact(0), t.exact(0));
  }

  @Test
  void termsBeyondTheRangeAreRefusedNotWrapped() {
    ExactSums s = new ExactSums(2);
    assertThrows(ArithmeticException.class, () -> s.add(0, 2.0e18));
    assertThrows(ArithmeticException.class, () -> s.add(1, Double.NaN));
  }
}
