package io.fruits.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.Callable;

/**
 * The most heap a piece of work held beyond what was live before it: every heap pool's peak is
 * reset, the work runs, and the peaks are summed. The pools may peak at different moments, so
 * the sum is an upper bound; on the local job runner it covers driver, map and reduce tasks alike.
 */
final class HeapPeak {
  record Measured<T>(T value, long bytes) {}

  private HeapPeak() {}

  static <T> Measured<T> of(Callable<T> work) throws Exception {
    System.gc();
    long before = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        before += pool.getUsage().getUsed();
        pool.resetPeakUsage();
      }
    }
    T value = work.call();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return new Measured<>(value, Math.max(0, peak - before));
  }
}
