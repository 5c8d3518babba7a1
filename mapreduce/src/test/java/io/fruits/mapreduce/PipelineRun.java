package io.fruits.mapreduce;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** One {@code fruits run} through the real entry point, in this JVM, with its output captured. */
public final class PipelineRun {
  public final int exitCode;
  public final List<String> stdout;
  public final String stderr;

  private PipelineRun(int exitCode, String stdout, String stderr) {
    this.exitCode = exitCode;
    this.stdout = Arrays.asList(stdout.split("\n"));
    this.stderr = stderr;
  }

  public static PipelineRun of(Configuration conf, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] command = new String[args.length + 1];
    command[0] = "run";
    System.arraycopy(args, 0, command, 1, args.length);
    int code = FruitsMain.run(command, new Configuration(conf),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String stderr = err.toString(StandardCharsets.UTF_8);
    System.err.print(stderr);
    return new PipelineRun(code, out.toString(StandardCharsets.UTF_8), stderr);
  }

  /** The n-th line from the end of standard output (1 = last). */
  public String fromEnd(int n) {
    return stdout.get(stdout.size() - n);
  }
}
