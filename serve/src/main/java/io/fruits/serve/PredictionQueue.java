package io.fruits.serve;

import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounds the photos in flight: one is computed (a DJL predictor is not thread-safe) and at most
 * {@code waiting} wait for it, first come first served. A photo that finds the queue full, whose
 * deadline passes while it waits, or whose client has gone, is never computed.
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

  private final Semaphore places;
  private final Semaphore model = new Semaphore(1, true);

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

  /** Runs {@code work} with the model once it is free, unless the deadline passes or the client goes first. */
  <T, E extends Exception> T compute(Instant deadline, BooleanSupplier clientGone, Work<T, E> work)
      throws E, RefusedException, InterruptedException {
    long waitNanos = java.time.Duration.between(Instant.now(), deadline).toNanos();
    if (waitNanos <= 0 || !model.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
      throw new RefusedException(Refusal.DEADLINE);
    }
    try {
      if (clientGone.getAsBoolean()) {
        throw new RefusedException(Refusal.CLIENT_GONE);
      }
      return work.run();
    } finally {
      model.release();
    }
  }
}
