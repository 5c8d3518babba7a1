package io.fruits.mapreduce;

import io.fruits.core.Launcher;
import java.io.PrintStream;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * Entry point of the job jar ({@code hadoop jar fruits-job.jar run ...}) and of the embedded
 * launcher. A wrong invocation or setting ends with one line on standard error and exit code 2; a
 * failure while running with exit code 1.
 */
public final class FruitsMain {
  private FruitsMain() {}

  public static void main(String[] args) {
    System.exit(run(args, new Configuration(), System.out, System.err));
  }

  static int run(String[] args, Configuration conf, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      out.print(Usage.text());
      return args.length == 0 ? 2 : 0;
    }
    if (!args[0].equals("run")) {
      err.println("fruits: unknown command '" + args[0] + "'; the job jar runs: fruits run ... (see fruits run --help)");
      return Launcher.USAGE;
    }
    return Launcher.run("fruits", err, () -> ToolRunner.run(conf, new PipelineTool(out, err), Arrays.copyOfRange(args, 1, args.length)));
  }
}
