package io.fruits.mapreduce;

import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * Entry point of the job jar ({@code hadoop jar fruits-job.jar run ...}) and of the embedded
 * launcher. A wrong invocation ends with one line on standard error and exit code 2; a failure
 * while running with exit code 1.
 */
public final class FruitsMain {
  private FruitsMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      System.out.print(Usage.text());
      return args.length == 0 ? 2 : 0;
    }
    if (!args[0].equals("run")) {
      System.err.println("fruits: unknown command '" + args[0] + "'; the command is: fruits run --input IN --output OUT --model M");
      return 2;
    }
    try {
      return ToolRunner.run(new Configuration(), new PipelineTool(), Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("fruits: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("fruits: " + e.getMessage());
      e.printStackTrace(System.err);
      return 1;
    }
  }
}
