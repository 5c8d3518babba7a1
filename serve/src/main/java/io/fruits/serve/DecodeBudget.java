package io.fruits.serve;

import io.fruits.serve.PredictionQueue.Refusal;
import io.fruits.serve.PredictionQueue.RefusedException;
import io.fruits.serve.PredictionQueue.Work;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounds the photos being decoded at once, by count and by pixels, first come first served. The
 * count is the machine's cores: decoding is CPU work, more at once would only slow each. The
 * pixels are one largest accepted photo's ({@code --max-pixels}): the memory decoding takes is
 * proportional to them, so a burst of photos decodes in no more memory than one photo at the limit
 * did when every photo was decoded under the model's lock, while phone photos (12 megapixels,
 * a fraction of the limit) decode side by side.
 */
final class DecodeBudget {
  private final Semaphore slots;
  private final Semaphore pixels;
  private final int maxPixels;

  DecodeBudget(int slots, long maxPixels) {
    if (slots < 1 || maxPixels < 1) {
      throw new IllegalArgumentException("a decode budget needs at least one slot and one pixel, was " + slots + " and " + maxPixels);
    }
    this.slots = new Semaphore(slots, true);
    this.maxPixels = (int) Math.min(Integer.MAX_VALUE, maxPixels);
    this.pixels = new Semaphore(this.maxPixels, true);
  }

  /**
   * Runs {@code work} once a slot and {@code photoPixels} are free, unless the deadline comes first
   * or the client has gone by then; a photo over the budget waits for the whole of it.
   */
  <T, E extends Exception> T decode(long photoPixels, Instant deadline, BooleanSupplier clientGone, Work<T, E> work)
      throws E, RefusedException, InterruptedException {
    int need = (int) Math.max(1, Math.min(maxPixels, photoPixels));
    long wait = nanosLeft(deadline);
    if (wait <= 0 || !slots.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
      throw new RefusedException(Refusal.DEADLINE);
    }
    try {
      if (!pixels.tryAcquire(need, nanosLeft(deadline), TimeUnit.NANOSECONDS)) {
        throw new RefusedException(Refusal.DEADLINE);
      }
      try {
        if (clientGone.getAsBoolean()) {
          throw new RefusedException(Refusal.CLIENT_GONE);
        }
        return work.run();
      } finally {
        pixels.release(need);
      }
    } finally {
      slots.release();
    }
  }

  /** Pixels free now (for tests). */
  int freePixels() {
    return pixels.availablePermits();
  }

  private static long nanosLeft(Instant deadline) {
    return Duration.between(Instant.now(), deadline).toNanos();
  }
}
