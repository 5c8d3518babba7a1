package io.fruits.spark;

import io.fruits.core.JsonFiles;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Bytes Spark's tasks wrote to disk, per pipeline stage: output files, shuffle files and spills.
 * The driver names each stage with {@code setJobGroup}; a job's Spark stages take its group.
 * Listener events arrive asynchronously: read the totals after {@code SparkContext.stop()}, which
 * drains them.
 */
final class DiskBytes extends SparkListener {
  private final Map<Integer, String> groupOfStage = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> bytes = new ConcurrentHashMap<>();

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    String group = job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
    if (group != null) {
      scala.collection.Iterator<Object> ids = job.stageIds().iterator();
      while (ids.hasNext()) {
        groupOfStage.put((Integer) ids.next(), group);
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd task) {
    TaskMetrics m = task.taskMetrics();
    String group = groupOfStage.get(task.stageId());
    if (m == null || group == null) {
      return;
    }
    long written = m.outputMetrics().bytesWritten() + m.shuffleWriteMetrics().bytesWritten() + m.diskBytesSpilled();
    bytes.computeIfAbsent(group, g -> new AtomicLong()).addAndGet(written);
  }

  /** Files the driver wrote itself (the merged CSVs), which no task metric sees. */
  void addDriverWrite(String stage, long written) {
    bytes.computeIfAbsent(stage, g -> new AtomicLong()).addAndGet(written);
  }

  /** {@code {"read": 0, "features": 123, ...}} for the stages named, in that order. */
  void write(Configuration conf, Path file, String[] stages) throws IOException {
    Map<String, Long> json = new LinkedHashMap<>();
    for (String stage : stages) {
      json.put(stage, of(stage));
    }
    JsonFiles.write(conf, file, json);
  }

  long of(String stage) {
    AtomicLong b = bytes.get(stage);
    return b == null ? 0 : b.get();
  }
}
