package io.fruits.mapreduce;

import java.io.IOException;
import java.io.PrintStream;
import org.apache.hadoop.mapreduce.Job;

/** Submits a job and reports its progress on standard error until it ends. */
final class JobRunner {
  private final PrintStream progress;

  JobRunner(PrintStream progress) {
    this.progress = progress;
  }

  void run(Job job) throws IOException, InterruptedException, ClassNotFoundException {
    job.submit();
    String last = "";
    while (!job.isComplete()) {
      Thread.sleep(1000);
      String now = String.format("[fruits] %s: map %3.0f%% reduce %3.0f%%", job.getJobName(), job.mapProgress() * 100, job.reduceProgress() * 100);
      if (!now.equals(last)) {
        progress.println(now);
        last = now;
      }
    }
    if (!job.isSuccessful()) {
      throw new IOException(job.getJobName() + " failed (" + job.getStatus().getFailureInfo() + "); see the task logs of " + job.getJobID());
    }
  }
}
