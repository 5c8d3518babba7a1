package io.fruits.bench;

import io.fruits.mapreduce.JobRunner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * (6) What an update costs against a full run: the sample grows by 1% with images it did not hold,
 * {@code fruits run --update} brings the bench's run up to date, and a fresh run on the grown
 * sample does everything again. Both wall times include the driver's model probe; the bench also
 * checks that both runs wrote the same CSVs and PCA model.
 */
final class UpdateBench {
  record Result(int before, int added, double updateSeconds, double fullSeconds, long reused, long read, boolean identical) {
    String markdown() {
      return String.format(Locale.ROOT, "%n### Update: %d images added to a run of %d (%.1f%%)%n%n"
          + "| run | seconds |%n|---|---:|%n| `--update` (%d of %d images reused, not decoded) | %.2f |%n| fresh run on the same images | %.2f |%n%n"
          + "update / full run: %.3f (goal < 0.10); outputs byte-identical: %s%n%n",
          added, before, 100.0 * added / before, reused, read, updateSeconds, fullSeconds, updateSeconds / fullSeconds,
          identical ? "yes" : "NO");
    }

    String csvRows() {
      return String.format(Locale.ROOT, "update_seconds,%.3f,,,,%nupdate_full_run_seconds,%.3f,,,,%nupdate_ratio,%.4f,,,,%n",
          updateSeconds, fullSeconds, updateSeconds / fullSeconds);
    }
  }

  private final Configuration conf;
  private final PrintStream progress;

  UpdateBench(Configuration conf, PrintStream progress) {
    this.conf = conf;
    this.progress = progress;
  }

  /** Grows {@code sample} (the input of {@code run}) by 1% from {@code input}, then times both runs. */
  Result run(Path input, Path sample, Path run, Path fresh, String model) throws Exception {
    int before = ImageSample.files(sample).size();
    int added = ImageSample.grow(input, sample, Math.max(1, before / 100));
    if (added == 0) {
      throw new IllegalArgumentException("--input holds no image beyond the sample; give --images below its size to measure an update");
    }
    progress.printf("[bench] update: %d images added to the sample of %d%n", added, before);
    double update = timed(sample, run, model, "--update");
    double full = timed(sample, fresh, model, "--overwrite");
    Map<String, Long> counters = JobRunner.readCounters(run.resolve("reports/counters-fruits-features.json"));
    boolean identical = true;
    for (String file : new String[] {"features.csv", "pca.csv", "rejects.csv", "pca/model.txt"}) {
      identical &= Arrays.equals(Files.readAllBytes(run.resolve(file)), Files.readAllBytes(fresh.resolve(file)));
    }
    return new Result(before, added, update, full, counters.getOrDefault("IMAGES_REUSED", 0L),
        counters.getOrDefault("IMAGES_READ", 0L), identical);
  }

  private double timed(Path in, Path out, String model, String option) throws Exception {
    long start = System.nanoTime();
    BenchRun.run(new Configuration(conf), progress, in, out, model, option);
    return (System.nanoTime() - start) / 1e9;
  }
}
