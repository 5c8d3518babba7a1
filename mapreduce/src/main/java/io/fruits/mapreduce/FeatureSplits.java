package io.fruits.mapreduce;

import io.fruits.core.ByteSizes;
import io.fruits.core.FruitsConfigKeys;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * The split size of the feature job, so that its map tasks match the cluster rather than the file
 * system's block size (one 74 MB SequenceFile is one block on HDFS: one task on one node, however
 * many nodes there are). {@code features.map.tasks=auto} aims at the cluster's map slots times
 * {@value #WAVES} waves, so that a slow node holds at most a third of its share back; a number
 * asks for that many tasks. A split is never smaller than two SequenceFile compression blocks:
 * a split holds whole blocks, and a smaller one would be empty. The local job runner keeps the
 * block-size splits under {@code auto}: its tasks share one machine, there is no node to balance.
 * Explicit {@code mapreduce.input.fileinputformat.split.*} settings are left alone.
 */
final class FeatureSplits {
  static final int WAVES = 3;
  private static final String COMPRESS_BLOCK = "io.seqfile.compress.blocksize";

  /** The chosen size, the tasks it aims at and why, for the progress line and the report. */
  record Plan(long splitBytes, int tasks, String why) {
    String line() {
      return String.format(Locale.ROOT, "splits of %s for about %d map task(s): %s", ByteSizes.human(splitBytes), tasks, why);
    }
  }

  private FeatureSplits() {}

  /** The map slots of the cluster, asked only when {@code auto} needs them; 0 when there is no cluster to balance. */
  interface Slots {
    int count() throws IOException;
  }

  /** The plan for {@code inputBytes} of packed images; null when the blocks decide (auto without slots, or split.* set). */
  static Plan plan(Configuration conf, long inputBytes, Slots slots) throws IOException {
    int asked = FruitsConfigKeys.FEATURES_MAP_TASKS.getTasks(conf);
    if (setByUser(conf, FileInputFormat.SPLIT_MAXSIZE) || setByUser(conf, FileInputFormat.SPLIT_MINSIZE)) {
      return null;
    }
    int tasks;
    String why;
    if (asked > 0) {
      tasks = asked;
      why = FruitsConfigKeys.FEATURES_MAP_TASKS.key() + "=" + asked;
    } else {
      int n = slots.count();
      if (n == 0) {
        return null;
      }
      tasks = n * WAVES;
      why = n + " map slot(s) x " + WAVES + " waves";
    }
    long floor = 2L * conf.getInt(COMPRESS_BLOCK, 1_000_000);
    long split = Math.max(floor, (inputBytes + tasks - 1) / tasks);
    if (split == floor && inputBytes > 0) {
      why += ", but a split holds at least two SequenceFile compression blocks (" + ByteSizes.human(floor) + ")";
    }
    return new Plan(split, (int) Math.max(1, (inputBytes + split - 1) / split), why + ", " + ByteSizes.human(inputBytes) + " packed");
  }

  /** Sizes the job's splits by the plan for its cluster; returns the plan, or null when the blocks decide. */
  static Plan apply(Job job, long inputBytes) throws IOException {
    Configuration conf = job.getConfiguration();
    Plan plan = plan(conf, inputBytes, JobRunner.isLocalRunner(conf) ? () -> 0 : () -> MapSlots.of(conf));
    if (plan != null) {
      FileInputFormat.setMinInputSplitSize(job, plan.splitBytes());
      FileInputFormat.setMaxInputSplitSize(job, plan.splitBytes());
    }
    return plan;
  }

  /** Set other than by Hadoop's own defaults (mapred-default.xml gives split.minsize a value). */
  private static boolean setByUser(Configuration conf, String key) {
    String[] sources = conf.getPropertySources(key);
    return sources != null && java.util.Arrays.stream(sources).anyMatch(source -> !source.endsWith("-default.xml"));
  }
}
