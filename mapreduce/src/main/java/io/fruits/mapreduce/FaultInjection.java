package io.fruits.mapreduce;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Test hook: {@code -Dfruits.fault.fail=JOB:TASK:RECORDS} makes the first attempt of map task
 * TASK of job JOB (features, stats, projection) fail after it has processed RECORDS records, so
 * retries can be shown to give the same output. Later attempts run normally. Off unless set.
 */
final class FaultInjection {
  static final String KEY = "fruits.fault.fail";

  private final int failAfter;
  private int seen;

  private FaultInjection(int failAfter) {
    this.failAfter = failAfter;
  }

  static FaultInjection forTask(String job, TaskAttemptContext context) {
    Configuration conf = context.getConfiguration();
    String spec = conf.get(KEY, "");
    if (spec.isEmpty()) {
      return new FaultInjection(-1);
    }
    String[] parts = spec.split(":");
    if (parts.length != 3) {
      throw new IllegalArgumentException(KEY + " is '" + spec + "'; use JOB:TASK:RECORDS, e.g. features:0:10");
    }
    boolean mine = parts[0].equals(job)
        && context.getTaskAttemptID().getTaskID().getId() == Integer.parseInt(parts[1])
        && context.getTaskAttemptID().getId() == 0;
    return new FaultInjection(mine ? Integer.parseInt(parts[2]) : -1);
  }

  /** Call once per record. */
  void record() throws IOException {
    if (failAfter >= 0 && ++seen > failAfter) {
      throw new IOException("injected fault (" + KEY + ") after " + failAfter + " records");
    }
  }
}
