package io.fruits.mapreduce;

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
    org.apache.hadoop.util.Tool tool;
    switch (args[0]) {
      case "run" -> tool = new PipelineTool(out, err);
      case "bench" -> tool = new BenchTool(out, err);
      default -> {
        err.println("fruits: unknown command '" + args[0] + "'; use fruits run ... or fruits bench ... (see fruits --help)");
        return 2;
      }
    }
    try {
      return ToolRunner.run(conf, tool, Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("fruits: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("fruits: " + e.getMessage());
      e.printStackTrace(err);
      return 1;
    }
  }
}
