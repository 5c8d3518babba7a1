package io.fruits.mapreduce;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * How many map containers the running NodeManagers hold at once, asked of the ResourceManager
 * (MapReduce's own cluster metrics report made-up slot counts on YARN). Per node: its memory over
 * {@code mapreduce.map.memory.mb}, and its vcores over {@code mapreduce.map.cpu.vcores} when the
 * scheduler enforces vcores (the DominantResourceCalculator), as {@link EngineThreads} reasons.
 */
final class MapSlots {
  private MapSlots() {}

  static int of(Configuration conf) throws IOException {
    try (YarnClient yarn = YarnClient.createYarnClient()) {
      yarn.init(conf);
      yarn.start();
      int slots = 0;
      for (NodeReport node : yarn.getNodeReports(NodeState.RUNNING)) {
        slots += perNode(conf, node.getCapability());
      }
      return Math.max(1, slots);
    } catch (YarnException e) {
      throw new IOException("cannot ask the ResourceManager for its nodes: " + e.getMessage(), e);
    }
  }

  /** Map containers one node of {@code node}'s resources holds at once. */
  static int perNode(Configuration conf, Resource node) {
    long byMemory = node.getMemorySize() / conf.getInt(MRJobConfig.MAP_MEMORY_MB, MRJobConfig.DEFAULT_MAP_MEMORY_MB);
    if (!vcoresEnforced(conf)) {
      return (int) byMemory;
    }
    long byVcores = node.getVirtualCores() / conf.getInt(MRJobConfig.MAP_CPU_VCORES, MRJobConfig.DEFAULT_MAP_CPU_VCORES);
    return (int) Math.min(byMemory, byVcores);
  }

  /** YARN's default, memory-only calculator places containers whatever their vcores. */
  static boolean vcoresEnforced(Configuration conf) {
    return conf.get(EngineThreads.CALCULATOR, "").contains("DominantResourceCalculator");
  }
}
