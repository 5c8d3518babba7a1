package io.fruits.bench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The plan's arithmetic against cases worked out by hand (the prices are made up for the sums). */
class ClusterPlanTest {
  private static final InstanceType XLARGE = new InstanceType("m5.xlarge", 4, 12288, "x86_64");
  private static final HourlyPrice QUARTER = new HourlyPrice("m5.xlarge", 0.20, 0.05, "test", "made up");
  private static final ClusterPlan.Job JOB = new ClusterPlan.Job(36_000, 10, 0);

  @Test
  void oneTaskOfAllVcpusPerNodeAndNoneBesideTheApplicationMaster() {
    // 4 threads: 1 task on each of 2 nodes, none on the AM's (3 vcores left); 36,000 / (10 x 4 x 2) = 450 s.
    ClusterPlan p = ClusterPlan.of(JOB, XLARGE, 4, 1600, 3, QUARTER);
    assertEquals(2, p.tasks());
    assertEquals(0.125, p.hours(), 1e-12);
    // 4 instances (3 core + master) x 0.125 h x $0.25.
    assertEquals(0.125, p.dollars(), 1e-12);
    assertEquals(0.5, p.instanceHours(), 1e-12);
  }

  @Test
  void twoThreadTasksFillTheNodesAndStartUpAddsToTheHours() {
    // 2 threads: 2 tasks a node, 1 beside the AM: 3 tasks on 2 nodes; 36,000 / (10 x 2 x 3) = 600 s + 6 min.
    ClusterPlan p = ClusterPlan.of(new ClusterPlan.Job(36_000, 10, 0.1), XLARGE, 2, 1600, 2, QUARTER);
    assertEquals(3, p.tasks());
    assertEquals(1.0 / 6 + 0.1, p.hours(), 1e-12);
    assertEquals(3 * (1.0 / 6 + 0.1) * 0.25, p.dollars(), 1e-12);
  }

  @Test
  void memoryBindsBeforeVcpus() {
    // 1 thread but 5,000 MB containers: 12,288 / 5,000 = 2 tasks a node, (12,288 - 2,048) / 5,000 = 2 beside the AM.
    assertEquals(4, ClusterPlan.of(JOB, XLARGE, 1, 5000, 2, null).tasks());
  }

  @Test
  void aShortRunIsBilledOneMinutePerInstance() {
    ClusterPlan p = ClusterPlan.of(new ClusterPlan.Job(100, 10, 0), XLARGE, 4, 1600, 3, QUARTER);
    assertEquals(4 * (1.0 / 60) * 0.25, p.dollars(), 1e-12);
  }

  @Test
  void noPriceNoDollarsAndOneNodeOfOneTaskNeverFinishes() {
    assertTrue(Double.isNaN(ClusterPlan.of(JOB, XLARGE, 4, 1600, 3, null).dollars()));
    assertTrue(Double.isInfinite(ClusterPlan.of(JOB, XLARGE, 4, 1600, 1, null).hours()));
  }

  @Test
  void theDeadlineTakesTheFewestNodesThatMakeIt() {
    // 180 s: 36,000 / (40 x 180) = 5 tasks, so 6 nodes (one holds the AM); 5 nodes give 4 tasks, 225 s.
    ClusterPlan p = ClusterPlan.forDeadline(JOB, XLARGE, 4, 1600, 0.05, QUARTER).orElseThrow();
    assertEquals(6, p.nodes());
    assertEquals(0.05, p.hours(), 1e-12);
    assertTrue(ClusterPlan.forDeadline(JOB, XLARGE, 4, 1600, 1e-6, QUARTER).isEmpty(), "no cluster reads 36,000 images in 4 ms");
  }
}
