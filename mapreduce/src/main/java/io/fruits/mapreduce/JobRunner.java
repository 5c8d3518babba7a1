package io.fruits.mapreduce;

import io.fruits.core.JsonFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.CounterGroup;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRConfig;

/**
 * Submits a job, reports its progress on standard error until it ends, and saves its counters as
 * {@code reports/counters-<job>.json} for monitoring.
 */
public final class JobRunner {
  private static final long POLL_NANOS = 1_000_000_000L;
  static final String STAGING_ROOT = "mapreduce.jobtracker.staging.root.dir";

  private final PrintStream progress;
  private final Configuration conf;
  private final Path reports;

  public JobRunner(PrintStream progress, Configuration conf, Path reports) {
    this.progress = progress;
    this.conf = conf;
    this.reports = reports;
  }

  /** True under Hadoop's local job runner (the embedded default), false on YARN. */
  static boolean isLocalRunner(Configuration conf) {
    return MRConfig.LOCAL_FRAMEWORK_NAME.equals(conf.get(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME));
  }

  public void run(Job job) throws IOException, InterruptedException, ClassNotFoundException {
    run(job, false, 0);
  }

  /**
   * Runs the feature job: its progress line counts images (vectors + rejects, from the job's
   * counters) with the rate, and against {@code totalImages} with the time left when that is known
   * (above 0; a resumed run does not know it).
   */
  public void runCountingImages(Job job, long totalImages) throws IOException, InterruptedException, ClassNotFoundException {
    run(job, true, totalImages);
  }

  /**
   * Hadoop's local runner stages the jobs of every user of a machine under one {@code
   * /tmp/hadoop/mapred/staging}, which the first user to run a job owns: another user's run then
   * failed with a stack trace from {@code chmod}. Unless set, its jobs are staged in the user's own
   * {@code hadoop.tmp.dir} ({@code /tmp/hadoop-USER}), where Hadoop keeps the rest of its local files.
   */
  static void stageLocalJobsPerUser(Configuration conf) {
    if (isLocalRunner(conf) && conf.get(STAGING_ROOT) == null) {
      conf.set(STAGING_ROOT, new Path(conf.get("hadoop.tmp.dir"), "mapred/staging").toString());
    }
  }

  private void run(Job job, boolean countImages, long totalImages) throws IOException, InterruptedException, ClassNotFoundException {
    try (LocalJobScratch scratch = LocalJobScratch.claim(job.getConfiguration())) {
      stageLocalJobsPerUser(job.getConfiguration()); // when the local folder was given but not the staging root
      submitAndWatch(job, countImages, totalImages);
    }
  }

  private void submitAndWatch(Job job, boolean countImages, long totalImages) throws IOException, InterruptedException, ClassNotFoundException {
    job.submit();
    long started = System.nanoTime();
    long polled = started - POLL_NANOS;
    ProgressLine line = new ProgressLine(progress, ProgressLine.onTerminal());
    while (!job.isComplete()) {
      Thread.sleep(100); // short jobs should not wait a second for the poll
      long now = System.nanoTime();
      if (now - polled < POLL_NANOS) {
        continue; // status and counters are calls to the job's master on a cluster: once a second is enough
      }
      polled = now;
      String text;
      if (countImages) {
        org.apache.hadoop.mapreduce.Counters c = job.getCounters();
        long done = c == null ? 0
            : c.findCounter(FeatureCounters.VECTORS_WRITTEN).getValue() + c.findCounter(FeatureCounters.REJECTED).getValue();
        text = "[fruits] " + job.getJobName() + ": " + ProgressLine.images(done, totalImages, (now - started) / 1e9);
      } else {
        text = String.format("[fruits] %s: map %3.0f%% reduce %3.0f%%", job.getJobName(), job.mapProgress() * 100, job.reduceProgress() * 100);
      }
      line.show(text, now);
    }
    line.end();
    if (!job.isSuccessful()) {
      throw new IOException(job.getJobName() + " failed (" + job.getStatus().getFailureInfo() + "); see the task logs of " + job.getJobID());
    }
    saveCounters(job);
  }

  private void saveCounters(Job job) throws IOException {
    Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
    for (CounterGroup group : job.getCounters()) {
      Map<String, Long> counters = new LinkedHashMap<>();
      for (Counter c : group) {
        counters.put(c.getDisplayName(), c.getValue());
      }
      groups.put(group.getDisplayName(), counters);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("job", job.getJobID().toString());
    json.put("counters", groups);
    JsonFiles.write(conf, new Path(reports, "counters-" + job.getJobName() + ".json"), json);
  }

  /** Every counter of a saved {@code counters-JOB.json} by its name, whatever its group. */
  public static Map<String, Long> readCounters(java.nio.file.Path file) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    JsonFiles.read(file).getAsJsonObject().getAsJsonObject("counters").entrySet()
        .forEach(g -> g.getValue().getAsJsonObject().entrySet().forEach(c -> out.put(c.getKey(), c.getValue().getAsLong())));
    return out;
  }
}
