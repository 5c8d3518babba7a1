package io.fruits.mapreduce;

import io.fruits.core.FruitsConfigKeys;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.yarn.api.records.Resource;

/**
 * How many threads the engine may use in each map task, so that engine threads times concurrent
 * map tasks never exceeds the cores.
 *
 * <ul>
 *   <li>Local job runner: the tasks share this machine, threads = cores /
 *       {@code mapreduce.local.map.tasks.maximum}.
 *   <li>YARN: each map container is granted {@code mapreduce.map.cpu.vcores} and the engine uses
 *       exactly those. YARN enforces vcores only with the DominantResourceCalculator; with the
 *       default (memory-only) calculator a node runs {@code floor(node memory / map memory)} maps
 *       whatever their vcores, so when the node's resources are known that product is checked too.
 * </ul>
 */
public final class EngineThreads {
  static final String LOCAL_MAPS = "mapreduce.local.map.tasks.maximum";
  static final String NODE_MEMORY = "yarn.nodemanager.resource.memory-mb";
  static final String NODE_VCORES = "yarn.nodemanager.resource.cpu-vcores";
  static final String CALCULATOR = "yarn.scheduler.capacity.resource-calculator";

  private EngineThreads() {}

  /**
   * The configuration for a job without the engine (stats, projection): in the local job runner
   * it may run one map per core, unless the user chose otherwise.
   */
  public static Configuration withoutEngine(Configuration conf) {
    Configuration c = new Configuration(conf);
    if (JobRunner.isLocalRunner(conf) && conf.get(LOCAL_MAPS) == null) {
      c.setInt(LOCAL_MAPS, Runtime.getRuntime().availableProcessors());
    }
    return c;
  }

  public static int choose(Configuration conf) {
    int asked = FruitsConfigKeys.ENGINE_THREADS.getInt(conf);
    if (asked < 0) {
      throw new IllegalArgumentException("engine.threads must be 0 (automatic) or positive, was " + asked);
    }
    return JobRunner.isLocalRunner(conf) ? local(conf, asked) : yarn(conf, asked);
  }

  private static int local(Configuration conf, int asked) {
    int cores = Runtime.getRuntime().availableProcessors();
    int maps = Math.max(1, conf.getInt(LOCAL_MAPS, 1));
    int threads = asked > 0 ? asked : Math.max(1, cores / maps);
    if (threads * maps > cores) {
      throw new IllegalArgumentException(String.format(
          "engine.threads=%d x %s=%d oversubscribes the %d cores; lower one of them so their product is <= %d",
          threads, LOCAL_MAPS, maps, cores, cores));
    }
    return threads;
  }

  private static int yarn(Configuration conf, int asked) {
    int vcores = conf.getInt(MRJobConfig.MAP_CPU_VCORES, MRJobConfig.DEFAULT_MAP_CPU_VCORES);
    int threads = asked > 0 ? asked : vcores;
    if (threads > vcores) {
      throw new IllegalArgumentException(String.format(
          "engine.threads=%d exceeds the %d vcore(s) each map container gets; set -D%s=%d or lower engine.threads",
          threads, vcores, MRJobConfig.MAP_CPU_VCORES, threads));
    }
    int nodeMemory = conf.getInt(NODE_MEMORY, -1);
    int nodeVcores = conf.getInt(NODE_VCORES, -1);
    int mapMemory = conf.getInt(MRJobConfig.MAP_MEMORY_MB, MRJobConfig.DEFAULT_MAP_MEMORY_MB);
    if (!MapSlots.vcoresEnforced(conf) && nodeMemory > 0 && nodeVcores > 0) {
      int mapsPerNode = MapSlots.perNode(conf, Resource.newInstance(nodeMemory, nodeVcores));
      if (threads * mapsPerNode > nodeVcores) {
        int needed = (int) Math.ceil((double) nodeMemory / (nodeVcores / threads + 1)) + 1;
        throw new IllegalArgumentException(String.format(
            "engine.threads=%d x %d maps per node (%s=%d / %s=%d) oversubscribes the node's %d vcores; "
                + "set -D%s=%d or enable the DominantResourceCalculator",
            threads, mapsPerNode, NODE_MEMORY, nodeMemory, MRJobConfig.MAP_MEMORY_MB, mapMemory, nodeVcores,
            MRJobConfig.MAP_MEMORY_MB, Math.max(needed, mapMemory + 1)));
      }
    }
    return threads;
  }
}
