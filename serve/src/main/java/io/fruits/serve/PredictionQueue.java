package io.fruits.serve;

import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounds the photos in flight: one is computed (a DJL predictor is not thread-safe) and at most
 * {@code waiting} wait for it, first come first served. A photo that finds the queue full, whose
 * client has gone, or whose deadline comes before it could be computed, is never computed: it is
 * started only while the longest of the last {@value #RECENT} computations still fits before its
 * deadline, so that an answer is not late by one computation (on a loaded machine, one that
 * started just before the deadline came more than half a second after it).
 */
final class PredictionQueue {
  /** Why a photo was not computed. */
  enum Refusal {
    FULL, DEADLINE, CLIENT_GONE
  }

  /** A photo that was not computed, and why. */
  static final class RefusedException extends Exception {
    final Refusal refusal;

    RefusedException(Refusal refusal) {
      super(refusal.name(), null, false, false);
      this.refusal = refusal;
    }
  }

  /** The work on one photo. */
  @FunctionalInterface
  interface Work<T, E extends Exception> {
    T run() throws E;
  }

  static final int RECENT = 8;

  private final Semaphore places;
  private final Semaphore model = new Semaphore(1, true);
  private final long[] recentNanos = new long[RECENT];
  private int nextRecent;

  PredictionQueue(int waiting) {
    this.places = new Semaphore(waiting + 1);
  }

  /** Takes a place in the queue without waiting; the caller must {@link #leave()} after. */
  void enter() throws RefusedException {
    if (!places.tryAcquire()) {
      throw new RefusedException(Refusal.FULL);
    }
  }

  void leave() {
    places.release();
  }

  /** Runs {@code work} with the model once it is free, unless it could not finish before the deadline or the client goes first. */
  <T, E extends Exception> T compute(Instant deadline, BooleanSupplier clientGone, Work<T, E> work)
      throws E, RefusedException, InterruptedException {
    long waitNanos = nanosLeft(deadline);
    if (waitNanos <= 0 || !model.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
      throw new RefusedException(Refusal.DEADLINE);
    }
    try {
      if (clientGone.getAsBoolean()) {
        throw new RefusedException(Refusal.CLIENT_GONE);
      }
      if (nanosLeft(deadline) <= 0) { // the computations got slower while it waited
        throw new RefusedException(Refusal.DEADLINE);
      }
      long start = System.nanoTime();
      try {
        return work.run();
      } finally {
        record(System.nanoTime() - start);
      }
    } finally {
      model.release();
    }
  }

  /** The time to the deadline less the longest recent computation. */
  private long nanosLeft(Instant deadline) {
    return java.time.Duration.between(Instant.now(), deadline).toNanos() - longestRecent();
  }

  private synchronized long longestRecent() {
    long longest = 0;
    for (long n : recentNanos) {
      longest = Math.max(longest, n);
    }
    return longest;
  }

  private synchronized void record(long nanos) {
    recentNanos[nextRecent] = nanos;
    nextRecent = (nextRecent + 1) % RECENT;
  }
}
