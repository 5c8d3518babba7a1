package io.fruits.bench;

import io.fruits.core.JsonFiles;
import io.fruits.core.RunFiles;
import io.fruits.core.StageTimes;
import io.fruits.spark.SparkMain;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Runs the Spark edition for the benchmark in a JVM of its own, as a user would, so neither
 * edition inherits the other's warm JIT, loaded model or heap. The child JVM gets this JVM's
 * classpath (the bench depends on both editions) and its {@code --add-opens} options, which Spark
 * 4 needs on Java 17 and the launcher gives the bench.
 */
final class SparkEditionRun {
  /** Wall seconds and bytes written per Spark stage, in stage order. */
  record Result(Map<String, Double> seconds, Map<String, Long> bytes) {}

  private final PrintStream progress;

  SparkEditionRun(PrintStream progress) {
    this.progress = progress;
  }

  /** Same images, model, batch size and engine threads as the MapReduce run: one task at a time with {@code threads} cores. */
  Result run(Configuration conf, Path images, Path output, String model, int threads, int batch) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String opt : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (opt.startsWith("--add-opens") || opt.startsWith("-Xmx") || opt.startsWith("-Dlog4j2.") || opt.startsWith("-Djdk.reflect")
          || opt.startsWith("-Dio.netty")) {
        command.add(opt);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkMain.class.getName(),
        "--input", images.toString(), "--output", output.toString(), "--model", model, "--overwrite",
        "--master", "local[" + threads + "]", "-D", "spark.task.cpus=" + threads, "-D", "features.batch.size=" + batch));
    for (String prefix : new String[] {"model.", "pca.", "features.prefetch", "image."}) {
      conf.getPropsWithPrefix(prefix).forEach((k, v) -> {
        command.add("-D");
        command.add(prefix + k + "=" + v);
      });
    }
    progress.println("[bench] Spark edition: local[" + threads + "], spark.task.cpus=" + threads + ", batch " + batch);
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.to(output.resolveSibling("spark-edition.log").toFile())).start();
    int code = p.waitFor();
    if (code != 0) {
      throw new IOException("the Spark edition failed (exit " + code + "); see " + output.resolveSibling("spark-edition.log"));
    }
    Map<String, Double> seconds = StageTimes.read(output.resolve(RunFiles.REPORTS));
    Map<String, Long> bytes = new LinkedHashMap<>();
    JsonFiles.read(output.resolve("reports/disk-bytes.json")).getAsJsonObject().entrySet()
        .forEach(e -> bytes.put(e.getKey(), e.getValue().getAsLong()));
    return new Result(seconds, bytes);
  }
}
