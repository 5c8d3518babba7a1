package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class EngineThreadsTest {
  private static Configuration yarn(int vcoresPerMap, int mapMemory, int nodeMemory, int nodeVcores) {
    Configuration conf = new Configuration(false);
    conf.set("mapreduce.framework.name", "yarn");
    conf.setInt("mapreduce.map.cpu.vcores", vcoresPerMap);
    conf.setInt("mapreduce.map.memory.mb", mapMemory);
    conf.setInt(EngineThreads.NODE_MEMORY, nodeMemory);
    conf.setInt(EngineThreads.NODE_VCORES, nodeVcores);
    return conf;
  }

  @Test
  void localDefaultUsesEveryCoreForOneMap() {
    Configuration conf = new Configuration(false);
    assertEquals(Runtime.getRuntime().availableProcessors(), EngineThreads.choose(conf));
  }

  @Test
  void yarnUsesTheContainersVcores() {
    // 4 vcores per map, 12 GB per node / 3 GB per map = 4 maps, 16 vcores: exactly full.
    assertEquals(4, EngineThreads.choose(yarn(4, 3072, 12288, 16)));
  }

  @Test
  void yarnRefusesMoreThreadsThanVcores() {
    Configuration conf = yarn(2, 3072, 12288, 16);
    conf.setInt("engine.threads", 4);
    assertEquals("engine.threads=4 exceeds the 2 vcore(s) each map container gets; set -Dmapreduce.map.cpu.vcores=4 or lower engine.threads",
        assertThrows(IllegalArgumentException.class, () -> EngineThreads.choose(conf)).getMessage());
  }

  @Test
  void memoryOnlySchedulingThatOversubscribesANodeIsRefused() {
    // 12 GB / 1.5 GB = 8 maps of 4 threads on 16 vcores: 32 threads.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineThreads.choose(yarn(4, 1536, 12288, 16)));
    assertEquals("engine.threads=4 x 8 maps per node (yarn.nodemanager.resource.memory-mb=12288 / mapreduce.map.memory.mb=1536) "
        + "oversubscribes the node's 16 vcores; set -Dmapreduce.map.memory.mb=2459 or enable the DominantResourceCalculator", e.getMessage());
    // The suggested memory indeed fits: 12288 / 2459 = 4 maps x 4 threads = 16.
    assertEquals(4, EngineThreads.choose(yarn(4, 2459, 12288, 16)));
  }

  @Test
  void dominantResourceCalculatorEnforcesVcoresItself() {
    Configuration conf = yarn(4, 1536, 12288, 16);
    conf.set(EngineThreads.CALCULATOR, "org.apache.hadoop.yarn.util.resource.DominantResourceCalculator");
    assertEquals(4, EngineThreads.choose(conf));
  }
}
