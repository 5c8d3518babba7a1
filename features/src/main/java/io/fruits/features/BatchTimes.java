package io.fruits.features;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a batcher's time went: decoding on the helper thread, waiting for it on the engine's
 * thread, and inference. Published as job counters and read by the benchmark.
 */
public final class BatchTimes {
  private final AtomicLong decodeNanos = new AtomicLong();
  private final AtomicLong waitNanos = new AtomicLong();
  private final AtomicLong inferenceNanos = new AtomicLong();
  private final AtomicLong decodedImages = new AtomicLong();

  void addDecode(long nanos, int images) {
    decodeNanos.addAndGet(nanos);
    decodedImages.addAndGet(images);
  }

  void addWait(long nanos) {
    waitNanos.addAndGet(nanos);
  }

  void addInference(long nanos) {
    inferenceNanos.addAndGet(nanos);
  }

  public long decodeNanos() {
    return decodeNanos.get();
  }

  public long waitNanos() {
    return waitNanos.get();
  }

  public long inferenceNanos() {
    return inferenceNanos.get();
  }

  /** Images decoded and resized into a tensor (the rest of the inputs were rejected). */
  public long decodedImages() {
    return decodedImages.get();
  }
}
