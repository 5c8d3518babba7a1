package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.yarn.api.records.Resource;
import org.junit.jupiter.api.Test;

/** The feature job's split size from the packed bytes and the cluster's map slots, by hand. */
class FeatureSplitsTest {
  private static final long MB = 1L << 20;

  @Test
  void autoAimsAtThreeWavesOfTheClustersSlots() throws Exception {
    // 74 MB on 8 slots: 24 tasks of ceil(74 MB / 24) bytes.
    FeatureSplits.Plan p = FeatureSplits.plan(new Configuration(false), 74 * MB, () -> 8);
    assertEquals((74 * MB + 23) / 24, p.splitBytes());
    assertEquals(24, p.tasks());
    assertEquals("splits of 3.1 MB for about 24 map task(s): 8 map slot(s) x 3 waves, 74.0 MB packed", p.line());
  }

  @Test
  void aNumberAsksForThatManyTasks() throws Exception {
    Configuration conf = new Configuration(false);
    conf.set("features.map.tasks", "5");
    FeatureSplits.Plan p = FeatureSplits.plan(conf, 100 * MB, () -> {
      throw new AssertionError("a number needs no question to the ResourceManager");
    });
    assertEquals(20 * MB, p.splitBytes());
    assertEquals(5, p.tasks());
  }

  @Test
  void aSplitHoldsAtLeastTwoCompressionBlocks() throws Exception {
    FeatureSplits.Plan p = FeatureSplits.plan(new Configuration(false), 3_000_000, () -> 8);
    assertEquals(2_000_000, p.splitBytes(), "two 1,000,000-byte blocks, not 3 MB / 24");
    assertEquals(2, p.tasks());
    Configuration small = new Configuration(false);
    small.setInt("io.seqfile.compress.blocksize", 65_536);
    assertEquals(131_072, FeatureSplits.plan(small, 1_000_000, () -> 8).splitBytes());
  }

  @Test
  void explicitSplitSettingsAndTheLocalRunnerKeepTheBlocks() throws Exception {
    Configuration conf = new Configuration(false);
    conf.setLong("mapreduce.input.fileinputformat.split.maxsize", 10 * MB);
    assertNull(FeatureSplits.plan(conf, 74 * MB, () -> 8));
    assertEquals(24, FeatureSplits.plan(new Configuration(), 74 * MB, () -> 8).tasks(), "Hadoop's own default split.minsize is no choice of the user's");
    assertNull(FeatureSplits.plan(new Configuration(false), 74 * MB, () -> 0), "auto without slots (local runner)");
    Configuration four = new Configuration(false);
    four.set("features.map.tasks", "4");
    assertEquals(4, FeatureSplits.plan(four, 74 * MB, () -> 0).tasks(), "a number applies on the local runner too");
  }

  @Test
  void aWrongValueFailsInOneLine() throws Exception {
    Configuration conf = new Configuration(false);
    conf.set("features.map.tasks", "many");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureSplits.plan(conf, MB, () -> 2));
    assertEquals("features.map.tasks is 'many'; give auto or a whole number from 1 (map tasks of the feature job: auto (on YARN: the "
        + "cluster's map slots x 3 waves; locally: the filesystem's blocks) or a number)", e.getMessage());
  }

  @Test
  void slotsPerNodeFollowMemoryAndVcoresWhenTheSchedulerEnforcesThem() throws Exception {
    Configuration conf = new Configuration(false);
    conf.setInt(MRJobConfig.MAP_MEMORY_MB, 2048);
    conf.setInt(MRJobConfig.MAP_CPU_VCORES, 2);
    Resource node = Resource.newInstance(16_384, 4);
    assertEquals(8, MapSlots.perNode(conf, node), "memory only: 16 GB / 2 GB");
    conf.set("yarn.scheduler.capacity.resource-calculator", "org.apache.hadoop.yarn.util.resource.DominantResourceCalculator");
    assertEquals(2, MapSlots.perNode(conf, node), "vcores too: 4 / 2");
  }
}
