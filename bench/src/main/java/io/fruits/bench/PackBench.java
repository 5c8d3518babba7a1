package io.fruits.bench;

import io.fruits.core.RunFiles;
import io.fruits.core.StageTimes;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * (7) The pack stage alone on the sample: by the driver (one reader), then as a job of 1, 2 and 4
 * map tasks on the local runner, as many at a time as there are tasks and cores (the run's check
 * that engine threads x concurrent tasks fit the cores applies to every job of a run). Images/s
 * from the stage's own timing (listing included).
 */
final class PackBench {
  static final int[] MAP_TASKS = {1, 2, 4};

  record Result(int images, Map<String, Double> seconds) {
    String markdown() {
      StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%n### Pack: %d images%n%n| packed by | seconds | images/s |%n|---|---:|---:|%n",
          images));
      seconds.forEach((how, s) -> md.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f |%n", how, s, images / s)));
      return md.append(String.format(Locale.ROOT, "%nThis machine has %d core(s): at most that many tasks run at a time.%n",
          Runtime.getRuntime().availableProcessors())).toString();
    }

    String csvRows() {
      StringBuilder csv = new StringBuilder();
      seconds.forEach((how, s) -> csv.append(String.format(Locale.ROOT, "pack_images_per_s_%s,%.1f,,,,%n", how.replaceAll("[^a-z0-9]+", "_"),
          images / s)));
      return csv.toString();
    }
  }

  private final Configuration conf;
  private final PrintStream progress;

  PackBench(Configuration conf, PrintStream progress) {
    this.conf = conf;
    this.progress = progress;
  }

  Result run(Path sample, int images, Path dir, String model) throws Exception {
    Map<String, Double> seconds = new LinkedHashMap<>();
    Configuration driver = new Configuration(conf);
    driver.setLong("pack.job.min.files", Long.MAX_VALUE);
    seconds.put("the driver", pack(driver, sample, dir.resolve("pack-driver"), model));
    for (int maps : MAP_TASKS) {
      Configuration job = new Configuration(conf);
      job.setLong("pack.job.min.files", 0);
      job.setInt("pack.map.tasks", maps);
      job.setInt("mapreduce.local.map.tasks.maximum", Math.min(maps, Runtime.getRuntime().availableProcessors()));
      seconds.put("a job of " + maps + " map task(s)", pack(job, sample, dir.resolve("pack-" + maps), model));
    }
    return new Result(images, seconds);
  }

  private double pack(Configuration c, Path sample, Path out, String model) throws Exception {
    BenchRun.run(c, progress, sample, out, model, "--overwrite", "--until", "pack");
    return StageTimes.read(out.resolve(RunFiles.REPORTS)).get("pack");
  }
}
