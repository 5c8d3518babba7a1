package io.fruits.mapreduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;

/**
 * The task JVM's resident set size (VmRSS, Linux) at the start, after {@code fruits.rss.mid}
 * images and at the end, as counters: native memory that grows with the images processed (an
 * unclosed tensor, a leaked session) shows here, not in the Java heap. Zero where /proc is absent.
 */
public final class ResidentMemory {
  public static final String MID = "fruits.rss.mid";

  private final TaskInputOutputContext<?, ?, ?, ?> context;
  private final long mid;
  private long seen;

  ResidentMemory(TaskInputOutputContext<?, ?, ?, ?> context) {
    this.context = context;
    this.mid = context.getConfiguration().getLong(MID, 5000);
    set(FeatureCounters.RSS_START_KB);
  }

  void record() {
    if (++seen == mid) {
      set(FeatureCounters.RSS_MID_KB);
    }
  }

  void finish() {
    set(FeatureCounters.RSS_END_KB);
  }

  private void set(FeatureCounters which) {
    Counter c = context.getCounter(which);
    c.setValue(Math.max(c.getValue(), rssKb()));
  }

  static long rssKb() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: no figure
    }
    return 0;
  }
}
