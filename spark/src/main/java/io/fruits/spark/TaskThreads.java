package io.fruits.spark;

import io.fruits.core.FruitsConfigKeys;
import org.apache.hadoop.conf.Configuration;

/**
 * Engine threads per Spark task: Spark's own {@code spark.task.cpus}, so the scheduler never runs
 * more threads than cores (tasks at once x cpus per task = the executor's cores). An explicit
 * {@code engine.threads} must agree with it.
 */
final class TaskThreads {
  private TaskThreads() {}

  static int of(int taskCpus, Configuration conf) {
    int threads = FruitsConfigKeys.ENGINE_THREADS.getInt(conf);
    if (threads != 0 && threads != taskCpus) {
      throw new IllegalArgumentException("engine.threads=" + threads + " but spark.task.cpus=" + taskCpus
          + "; in the Spark edition set -D spark.task.cpus=" + threads + " instead, so Spark reserves those cores");
    }
    return taskCpus;
  }
}
