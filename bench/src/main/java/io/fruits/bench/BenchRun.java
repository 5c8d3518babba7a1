package io.fruits.bench;

import io.fruits.mapreduce.PipelineTool;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/** One {@code fruits run} of a bench case in the bench's JVM: progress shown, standard output dropped, a failure ends the bench. */
final class BenchRun {
  private BenchRun() {}

  /** Runs {@code --input in --output out --model model} and then {@code options}. */
  static void run(Configuration conf, PrintStream progress, Path in, Path out, String model, String... options) throws Exception {
    String[] args = new String[6 + options.length];
    System.arraycopy(new String[] {"--input", in.toString(), "--output", out.toString(), "--model", model}, 0, args, 0, 6);
    System.arraycopy(options, 0, args, 6, options.length);
    int code = new PipelineTool(new PrintStream(PrintStream.nullOutputStream()), progress).runWith(conf, args);
    if (code != 0) {
      throw new IOException("the run into " + out + " (" + String.join(" ", options) + ") failed (exit " + code + ")");
    }
  }
}
