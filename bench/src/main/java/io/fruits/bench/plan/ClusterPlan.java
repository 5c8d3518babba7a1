package io.fruits.bench.plan;

import java.util.Optional;

/**
 * A run of some images on one master and {@code nodes} core nodes of one instance type, sized as
 * {@code scripts/emr} sizes it: map tasks (Spark executors) of {@code engineThreads} vcores and
 * {@code mapMb} MB each, as many per node as its vCPUs and YARN memory hold, less what the
 * application master takes on the node it runs on (EMR places it on a core node).
 *
 * @param tasks map tasks running at once on the whole cluster
 * @param hours wall time: start-up plus images / (rate per vCPU x engine threads x tasks)
 * @param dollars every instance, the master too, for those hours (one minute at least, as EMR and
 *     EC2 bill per second with a one-minute minimum); NaN without a price
 */
public record ClusterPlan(InstanceType type, int nodes, int engineThreads, int tasks, double hours, double dollars) {
  /**
   * The application master's container: one vcore, and room for MapReduce's default AM (1536 MB)
   * or Spark's driver (1 GB and its overhead); scripts/emr reserves the same.
   */
  static final int AM_VCORES = 1;
  static final int AM_MB = 2048;
  /** scripts/emr accepts up to this many core nodes. */
  static final int MAX_NODES = 1000;

  public static ClusterPlan of(Job job, InstanceType type, int engineThreads, int mapMb, int nodes, HourlyPrice price) {
    int perNode = tasksPerNode(type.vcpus(), type.yarnMb(), engineThreads, mapMb);
    int tasks = (nodes - 1) * perNode + tasksPerNode(type.vcpus() - AM_VCORES, type.yarnMb() - AM_MB, engineThreads, mapMb);
    double hours = tasks == 0 ? Double.POSITIVE_INFINITY
        : job.startupHours() + job.images() / (job.perVcpu() * engineThreads * tasks) / 3600;
    double dollars = price == null ? Double.NaN : (nodes + 1) * Math.max(hours, 1.0 / 60) * price.total();
    return new ClusterPlan(type, nodes, engineThreads, tasks, hours, dollars);
  }

  /** The fewest core nodes that finish within {@code deadlineHours}, if up to {@link #MAX_NODES} can. */
  public static Optional<ClusterPlan> forDeadline(Job job, InstanceType type, int engineThreads, int mapMb, double deadlineHours, HourlyPrice price) {
    for (int nodes = 1; nodes <= MAX_NODES; nodes++) {
      ClusterPlan p = of(job, type, engineThreads, mapMb, nodes, price);
      if (p.hours <= deadlineHours) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Instance-hours billed: what the price multiplies. */
  public double instanceHours() {
    return (nodes + 1) * Math.max(hours, 1.0 / 60);
  }

  /** vCPU-hours billed: the ranking when no prices are known. */
  public double vcpuHours() {
    return instanceHours() * type.vcpus();
  }

  static int tasksPerNode(int vcpus, int yarnMb, int engineThreads, int mapMb) {
    return Math.max(0, Math.min(vcpus / engineThreads, yarnMb / mapMb));
  }

  /** The work: how many images, at what measured rate, after how long a cluster start-up. */
  public record Job(long images, double perVcpu, double startupHours) {}
}
