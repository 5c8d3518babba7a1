package io.fruits.core;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * The one mapping from how a command ended to its exit code, for every entry point: what the
 * command returns; 2 and one line for wrong usage ({@link IllegalArgumentException}: a bad option,
 * a missing input, a model that does not fit), so a user can fix the command; 1, the message and
 * the stack trace for a failure while running (anything else, {@link IllegalStateException}
 * included), so a developer can find the cause.
 */
public final class Launcher {
  public static final int USAGE = 2;
  public static final int FAILURE = 1;

  private Launcher() {}

  /**
   * @param name how the program names itself in its messages ({@code fruits}, {@code fruits spark})
   */
  public static int run(String name, PrintStream err, Callable<Integer> command) {
    try {
      return command.call();
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      return USAGE;
    } catch (Exception e) {
      err.println(name + ": " + e.getMessage());
      e.printStackTrace(err);
      return FAILURE;
    }
  }
}
