package io.fruits.mapreduce;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Test hook: {@code -Dfruits.fault.fail=JOB:TASK:RECORDS[:slow]} makes the first attempt of map
 * task TASK of job JOB (features, stats) fail after RECORDS records, or with {@code :slow} take
 * {@value #SLOW_MS} ms per record from there on (a straggler), so that retries and speculative
 * attempts can be shown to give the same output. Later attempts run normally. Off unless set.
 */
final class FaultInjection {
  static final String KEY = "fruits.fault.fail";
  static final long SLOW_MS = 20_000;

  private final int failAfter;
  private final boolean slow;
  private int seen;

  private FaultInjection(int failAfter, boolean slow) {
    this.failAfter = failAfter;
    this.slow = slow;
  }

  static FaultInjection forTask(String job, TaskAttemptContext context) {
    Configuration conf = context.getConfiguration();
    String spec = conf.get(KEY, "");
    if (spec.isEmpty()) {
      return new FaultInjection(-1, false);
    }
    String[] parts = spec.split(":");
    if (parts.length < 3 || parts.length > 4 || (parts.length == 4 && !parts[3].equals("slow"))) {
      throw new IllegalArgumentException(KEY + " is '" + spec + "'; use JOB:TASK:RECORDS[:slow], e.g. features:0:10");
    }
    boolean mine = parts[0].equals(job)
        && context.getTaskAttemptID().getTaskID().getId() == Integer.parseInt(parts[1])
        && context.getTaskAttemptID().getId() == 0;
    return new FaultInjection(mine ? Integer.parseInt(parts[2]) : -1, parts.length == 4);
  }

  /** Call once per record. */
  void record() throws IOException {
    if (failAfter < 0 || ++seen <= failAfter) {
      return;
    }
    if (!slow) {
      throw new IOException("injected fault (" + KEY + ") after " + failAfter + " records");
    }
    try {
      Thread.sleep(SLOW_MS); // a straggler that still makes progress: speculation should overtake it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
