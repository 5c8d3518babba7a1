package io.fruits.mapreduce;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.CounterGroup;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;

/** One line from the feature job's counters: images, vectors, rejects by reason, engine rate; on a cluster, the nodes that ran it. */
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
    return String.format(Locale.ROOT, "%d images read, %d vectors, %d rejected%s, engine %.1f images/s%s",
        read, vectors, rejected, reasons, rate, nodes(job));
  }

  /** On a cluster, how many map tasks succeeded on how many nodes (from the job's completion events). */
  private static String nodes(Job job) throws IOException {
    if (JobRunner.isLocalRunner(job.getConfiguration())) {
      return "";
    }
    Set<String> nodes = new TreeSet<>();
    int maps = 0;
    try {
      for (int from = 0; ; ) {
        TaskCompletionEvent[] events = job.getTaskCompletionEvents(from, 100);
        if (events.length == 0) {
          break;
        }
        from += events.length;
        for (TaskCompletionEvent e : events) {
          if (e.isMapTask() && e.getStatus() == TaskCompletionEvent.Status.SUCCEEDED) {
            maps++;
            nodes.add(e.getTaskTrackerHttp());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
    return String.format(Locale.ROOT, ", %d map task(s) on %d node(s)", maps, nodes.size());
  }
}
