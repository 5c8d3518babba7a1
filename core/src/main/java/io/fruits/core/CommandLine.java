package io.fruits.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one parser of every program's arguments: {@code --name VALUE} options, {@code --flag}s,
 * {@code -D key=value} (or {@code -Dkey=value}) anywhere on the line (Hadoop's ToolRunner takes
 * them only before the first other argument; a repeated {@code -D} takes the last, as Hadoop's
 * does), and operands where a program takes them. An option given twice is refused. Every error is
 * one line ending with where to read more ({@code see fruits run --help}).
 */
public final class CommandLine {
  /** The run that {@code predict}, {@code evaluate} and {@code serve} take when {@code --run} is not given (the launcher sets it to the demo's run). */
  public static final String RUN_ENV = "FRUITS_RUN";

  /** What a program accepts; {@code help} is how its errors end, e.g. "see fruits run --help". */
  public record Spec(String help, Set<String> valued, Set<String> flags, boolean operands) {
    public static Spec of(String help, List<String> valued, List<String> flags, boolean operands) {
      Set<String> f = new LinkedHashSet<>(flags);
      f.add("--help");
      return new Spec(help, new LinkedHashSet<>(valued), f, operands);
    }
  }

  private final Spec spec;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> flags = new LinkedHashSet<>();
  private final Map<String, String> defines = new LinkedHashMap<>();
  private final List<String> operands = new ArrayList<>();

  private CommandLine(Spec spec) {
    this.spec = spec;
  }

  public static CommandLine parse(String[] args, Spec spec) {
    CommandLine c = new CommandLine(spec);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-D")) {
        c.define(c.valueAt(args, ++i, "-D"));
      } else if (a.startsWith("-D")) {
        c.define(a.substring(2));
      } else if (spec.valued().contains(a)) {
        String value = c.valueAt(args, ++i, a);
        String earlier = c.values.put(a, value);
        if (earlier != null) {
          // Which one was meant is not ours to guess: `--run A --run B` quietly taking B once
          // answered from another run than the user looked at.
          throw c.error(a + " is given twice ('" + earlier + "' and '" + value + "'); give it once");
        }
      } else if (spec.flags().contains(a) || a.equals("-h")) {
        c.flags.add(a.equals("-h") ? "--help" : a);
      } else if (spec.operands() && !a.startsWith("-")) {
        c.operands.add(a);
      } else {
        throw c.error("unknown option '" + a + "'");
      }
    }
    return c;
  }

  public boolean help() {
    return flags.contains("--help");
  }

  public boolean has(String flag) {
    return flags.contains(flag);
  }

  /** The option's value, or null when it was not given. */
  public String value(String name) {
    return values.get(name);
  }

  public String value(String name, String otherwise) {
    return values.getOrDefault(name, otherwise);
  }

  /** The option's value; {@code what} says what to give when it is missing. */
  public String require(String name, String what) {
    String v = values.get(name);
    if (v == null || v.isBlank()) {
      throw error("missing " + name + " " + what);
    }
    return v;
  }

  /** {@code --run}, or the run named by {@link #RUN_ENV}. */
  public String run() {
    String run = value("--run", System.getenv(RUN_ENV));
    if (run == null || run.isBlank()) {
      throw error("missing --run RUN (the --output folder of a finished fruits run)");
    }
    return run;
  }

  /** A whole number within bounds, or {@code otherwise} when not given. */
  public long number(String name, long otherwise, long min, long max) {
    String v = values.get(name);
    if (v == null) {
      return otherwise;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what to give
    }
    throw new IllegalArgumentException(name + " is '" + v + "'; give a whole number from " + min + " to " + max);
  }

  /** The {@code -D} settings in the order given. */
  public Map<String, String> defines() {
    return defines;
  }

  public List<String> operands() {
    return operands;
  }

  /** A usage error about this command line, with where to read more. */
  public IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + "; " + spec.help());
  }

  private void define(String keyValue) {
    int eq = keyValue.indexOf('=');
    if (eq <= 0) {
      throw error("-D " + keyValue + " is not key=value");
    }
    defines.put(keyValue.substring(0, eq), keyValue.substring(eq + 1));
  }

  private String valueAt(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw error(option + " needs a value");
    }
    return args[i];
  }
}
