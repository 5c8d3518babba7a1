package io.fruits.mapreduce;

import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.CounterGroup;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;

/** One line from the feature job's counters: images, vectors, rejects by reason, engine rate. */
final class FeatureReport {
  private FeatureReport() {}

  static String summary(Job job) throws IOException {
    Counters c = job.getCounters();
    long read = c.findCounter(FeatureCounters.IMAGES_READ).getValue();
    long vectors = c.findCounter(FeatureCounters.VECTORS_WRITTEN).getValue();
    long rejected = c.findCounter(FeatureCounters.REJECTED).getValue();
    long inferMs = c.findCounter(FeatureCounters.INFERENCE_MILLIS).getValue();
    StringBuilder reasons = new StringBuilder();
    CounterGroup group = c.getGroup(FeatureCounters.REJECTS);
    for (Counter r : group) {
      reasons.append(reasons.length() == 0 ? " (" : ", ").append(r.getName()).append(' ').append(r.getValue());
    }
    if (reasons.length() > 0) {
      reasons.append(')');
    }
    double rate = inferMs == 0 ? 0 : vectors * 1000.0 / inferMs;
    return String.format(Locale.ROOT, "%d images read, %d vectors, %d rejected%s, engine %.1f images/s",
        read, vectors, rejected, reasons, rate);
  }
}
