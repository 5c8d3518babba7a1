package io.fruits.bench.plan;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The plan as Markdown: where the rate comes from, one row per instance type, the cheapest choice. */
record PlanReport(long images, Throughput rate, long startupMinutes, Double deadline, Map<String, HourlyPrice> prices) {
  void print(PrintStream out, List<ClusterPlan> plans) {
    Locale l = Locale.ROOT;
    out.printf(l, "## EMR plan: %,d images, %s%n%n", images, rate.preset());
    out.printf(l, "Rate: %.1f images/s per vCPU, the whole pipeline (%,d images in %.1f s on %d vCPUs of %s, %s: `%s`); "
        + "an EC2 vCPU is taken to be as fast as one of those.%n", rate.perVcpu(), rate.images(), rate.seconds(), rate.vcpus(),
        rate.processor(), rate.date(), rate.command());
    out.printf(l, "Cluster start-up: %s. Tasks: one map task (Spark executor) per `engine threads` vCPUs of a node, "
        + "less the application master's vcore on one node.%n", startupMinutes == 0
            ? "not included (not measured here; add it with --startup-minutes)" : startupMinutes + " minutes, included");
    out.println(prices.isEmpty() ? "Prices: none given (--prices FILE|DIR); dollars are left out and choices ranked by vCPU-hours"
        + " (on-demand prices within a family grow with the vCPUs)."
        : "Prices: " + sources());
    out.println();
    out.println("| instance | vCPUs | tasks x engine threads | core nodes | wall time | instance-hours | vCPU-hours | $ per instance-hour | $ |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (ClusterPlan p : plans) {
      HourlyPrice price = prices.get(p.type().name());
      boolean never = Double.isInfinite(p.hours());
      out.printf(l, "| %s | %d | %d x %d | %d | %s | %s | %s | %s | %s |%n", p.type().name(), p.type().vcpus(), p.tasks(), p.engineThreads(),
          p.nodes(), never ? "never: no room for a task" : duration(p.hours()), never ? "-" : String.format(l, "%.2f", p.instanceHours()),
          never ? "-" : String.format(l, "%.1f", p.vcpuHours()), price == null ? "-" : String.format(l, "%.4f", price.total()),
          Double.isNaN(p.dollars()) || never ? "-" : String.format(l, "%.2f", p.dollars()));
    }
    if (deadline != null) {
      out.println();
      List<ClusterPlan> ranked = new ArrayList<>(plans);
      ranked.sort(cheapestFirst());
      out.println(ranked.isEmpty() ? String.format(l, "No cluster of up to %d core nodes finishes within %.2f h.", ClusterPlan.MAX_NODES, deadline)
          : String.format(l, "Cheapest within %.2f h%s: %s.", deadline, Double.isNaN(ranked.get(0).dollars()) ? " (by vCPU-hours: no prices)" : "",
              describe(l, ranked.get(0)) + (Double.isNaN(ranked.get(0).dollars()) ? "" : String.format(l, ", $%.2f", ranked.get(0).dollars()))));
    }
  }

  /** Minutes below an hour, where two decimals of an hour would hide the difference. */
  static String duration(double hours) {
    return hours < 1 ? String.format(Locale.ROOT, "%.1f min", hours * 60) : String.format(Locale.ROOT, "%.2f h", hours);
  }

  private String sources() {
    return String.join("; ", prices.values().stream().map(p -> p.source() + " (" + p.date() + ")").distinct().toList());
  }

  /** Cheapest first where prices are known, then the rest by vCPU-hours. */
  private static Comparator<ClusterPlan> cheapestFirst() {
    return Comparator.<ClusterPlan>comparingInt(p -> Double.isNaN(p.dollars()) ? 1 : 0)
        .thenComparingDouble(p -> Double.isNaN(p.dollars()) ? p.vcpuHours() : p.dollars())
        .thenComparingInt(ClusterPlan::nodes);
  }

  private static String describe(Locale l, ClusterPlan p) {
    return String.format(l, "%d x %s (+1 master), %s", p.nodes(), p.type().name(), duration(p.hours()));
  }
}
