package io.fruits.reduction;

import java.math.BigInteger;

/**
 * An array of sums that do not depend on the order of their additions: each term is rounded once
 * to a multiple of 2^-32 and added as an integer, kept in two longs per sum (a 104-bit fixed-point
 * number). Integer addition is associative, so any split of the rows into map tasks, any merge
 * order and any combiner give the same bits. That is what lets the randomized PCA keep one
 * accumulator per map task (O(size) memory) where the exact statistics need id-hashed chunks.
 *
 * <p>The rounding costs at most 2^-33 (1.2e-10) per term, far below float features' own precision.
 * Terms up to 2^60 (about 1e18) are taken; beyond that, or NaN, a term is refused rather than
 * silently wrapped.
 */
public final class ExactSums {
  static final int SCALE_BITS = 32;
  private static final double SCALE = 0x1p32;
  /** |lo| stays below 2^62, so adding one term (below 2^62) cannot overflow a long. */
  private static final long LIMIT = 1L << 62;
  private static final int LO_BITS = 40;
  private static final long LO_MASK = (1L << LO_BITS) - 1;
  private static final double MAX_TERM = 0x1p60;

  private final long[] hi;
  private final long[] lo;

  public ExactSums(int size) {
    this(new long[size], new long[size]);
  }

  /** Wraps the two halves (deserialisation); {@link #high} and {@link #low} give them back. */
  public ExactSums(long[] hi, long[] lo) {
    if (hi.length != lo.length) {
      throw new IllegalArgumentException("hi has " + hi.length + " values but lo has " + lo.length);
    }
    this.hi = hi;
    this.lo = lo;
  }

  public int size() {
    return hi.length;
  }

  public void add(int i, double term) {
    double scaled = term * SCALE;
    long s;
    if (Math.abs(scaled) < LIMIT) {
      s = lo[i] + (long) Math.rint(scaled); // rint is one CPU instruction; Math.round is not, on Java 17
    } else if (Math.abs(term) < MAX_TERM) {
      // Large: the multiple of 2^40 goes straight to the high word, exactly; the rest is rounded.
      double high = Math.floor(scaled * 0x1p-40);
      hi[i] += (long) high;
      s = lo[i] + (long) Math.rint(scaled - high * 0x1p40);
    } else {
      throw new ArithmeticException("a term of " + term + " is beyond the exact sums' range of +-2^60 (a NaN or a runaway feature value?)");
    }
    if (s >= LIMIT || s <= -LIMIT) {
      hi[i] += s >> LO_BITS;
      s &= LO_MASK;
    }
    lo[i] = s;
  }

  public void merge(ExactSums other) {
    if (other.size() != size()) {
      throw new IllegalArgumentException("cannot merge sums of size " + other.size() + " into size " + size());
    }
    for (int i = 0; i < hi.length; i++) {
      hi[i] += other.hi[i] + (other.lo[i] >> LO_BITS);
      long s = lo[i] + (other.lo[i] & LO_MASK);
      hi[i] += s >> LO_BITS;
      lo[i] = s & LO_MASK;
    }
  }

  /** The sum, in units of 2^-32, as an exact integer. */
  public BigInteger exact(int i) {
    return BigInteger.valueOf(hi[i]).shiftLeft(LO_BITS).add(BigInteger.valueOf(lo[i]));
  }

  /** The sum, correctly rounded to a double: a function of the exact sum alone. */
  public double value(int i) {
    long h = hi[i] + (lo[i] >> LO_BITS);
    long l = lo[i] & LO_MASK;
    if (Math.abs(h) < (1L << 12)) {
      return (double) ((h << LO_BITS) + l) / SCALE; // fits a long: one rounding
    }
    return exact(i).doubleValue() / SCALE; // BigInteger rounds correctly
  }

  public long[] high() {
    return hi;
  }

  public long[] low() {
    return lo;
  }
}
