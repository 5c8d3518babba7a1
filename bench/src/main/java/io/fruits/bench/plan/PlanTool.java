package io.fruits.bench.plan;

import io.fruits.core.CommandLine;
import io.fruits.core.Launcher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fruits plan}: how long a run of N images with a preset takes on EMR, on how many nodes of
 * which instance type, and, given prices, what it costs; with {@code --deadline}, the cheapest
 * cluster that finishes in time. The rate is the saved measurement of this machine
 * ({@link Throughput}); the arithmetic is {@link ClusterPlan}'s.
 */
public final class PlanTool {
  static final String USAGE = "usage: fruits plan --images N --model PRESET [--instance-type TYPE] [--nodes 2 | --deadline HOURS]"
      + " [--engine-threads 2] [--map-memory MB] [--startup-minutes 0] [--prices FILE|DIR]";
  static final CommandLine.Spec SPEC = CommandLine.Spec.of("see fruits plan --help",
      List.of("--images", "--model", "--instance-type", "--nodes", "--deadline", "--engine-threads", "--map-memory", "--startup-minutes", "--prices"),
      List.of(), false);

  /** As scripts/emr: tasks of 2 engine threads (why: in its sizing comment). */
  static final int DEFAULT_ENGINE_THREADS = 2;

  /** A year: a longer deadline says nothing a year's does not (1e308 printed 309 digits of hours). */
  private static final double MAX_DEADLINE_HOURS = 24 * 365;

  private final PrintStream out;

  public PlanTool(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(Launcher.run("fruits plan", System.err, () -> new PlanTool(System.out).run(args)));
  }

  public int run(String[] args) throws Exception {
    CommandLine c = CommandLine.parse(args, SPEC);
    if (c.help()) {
      out.println(USAGE);
      return 0;
    }
    long images = c.number("--images", -1, 1, 1_000_000_000_000L);
    if (images < 0) {
      throw c.error("missing --images N (how many images the run reads)");
    }
    Map<String, Throughput> measured = Throughput.measured();
    String preset = c.require("--model", "PRESET (" + String.join(", ", measured.keySet()) + ")");
    Throughput rate = measured.get(preset);
    if (rate == null) {
      throw c.error("no measured rate for preset '" + preset + "'; use one of " + String.join(", ", measured.keySet()));
    }
    Map<String, InstanceType> known = InstanceType.all();
    List<InstanceType> types = new ArrayList<>(known.values());
    if (c.value("--instance-type") != null) {
      InstanceType t = known.get(c.value("--instance-type"));
      if (t == null) {
        throw c.error("unknown instance type '" + c.value("--instance-type") + "'; use one of " + String.join(", ", known.keySet()));
      }
      types = List.of(t);
    }
    if (c.value("--nodes") != null && c.value("--deadline") != null) {
      throw c.error("give --nodes or --deadline, not both");
    }
    int nodes = (int) c.number("--nodes", 2, 1, ClusterPlan.MAX_NODES);
    Double deadline = c.value("--deadline") == null ? null : positive(c, "--deadline");
    long startupMinutes = c.number("--startup-minutes", 0, 0, 24 * 60);
    Map<String, HourlyPrice> prices = Map.of();
    if (c.value("--prices") != null) {
      Path file = Path.of(c.value("--prices"));
      if (!java.nio.file.Files.exists(file)) {
        throw c.error("--prices " + file + " does not exist; give a folder written by scripts/emr-prices or a prices file");
      }
      prices = HourlyPrice.read(file);
    }
    ClusterPlan.Job job = new ClusterPlan.Job(images, rate.perVcpu(), startupMinutes / 60.0);
    int mapMb = (int) c.number("--map-memory", MapContainer.megabytes(preset), 512, 1_048_576);

    List<ClusterPlan> plans = new ArrayList<>();
    for (InstanceType t : types) {
      int threads = (int) c.number("--engine-threads", Math.min(DEFAULT_ENGINE_THREADS, t.vcpus()), 1, 512);
      HourlyPrice price = prices.get(t.name());
      Optional<ClusterPlan> p = deadline == null ? Optional.of(ClusterPlan.of(job, t, threads, mapMb, nodes, price))
          : ClusterPlan.forDeadline(job, t, threads, mapMb, deadline, price);
      p.ifPresent(plans::add);
    }
    new PlanReport(images, rate, startupMinutes, deadline, prices).print(out, plans);
    return 0;
  }

  private static double positive(CommandLine c, String name) {
    String v = c.value(name);
    try {
      double d = Double.parseDouble(v);
      if (d > 0 && d <= MAX_DEADLINE_HOURS) {
        return d;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw c.error(name + " is '" + v + "'; give a number of hours above 0 and at most 8760 (a year), such as 0.5");
  }
}
