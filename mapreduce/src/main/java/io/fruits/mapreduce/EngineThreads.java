package io.fruits.mapreduce;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;

/**
 * How many threads the engine may use in each map task, so that engine threads times concurrent
 * map tasks never exceeds the cores. In the local job runner the tasks share this machine:
 * threads = cores / {@code mapreduce.local.map.tasks.maximum}. On YARN each map container is
 * granted {@code mapreduce.map.cpu.vcores}, and the engine uses exactly those.
 */
final class EngineThreads {
  static final String LOCAL_MAPS = "mapreduce.local.map.tasks.maximum";

  private EngineThreads() {}

  static int choose(Configuration conf) {
    int asked = FruitsConfigKeys.ENGINE_THREADS.getInt(conf);
    if (asked < 0) {
      throw new IllegalArgumentException("engine.threads must be 0 (automatic) or positive, was " + asked);
    }
    if (ModelConf.isLocal(conf)) {
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
    int vcores = conf.getInt(MRJobConfig.MAP_CPU_VCORES, MRJobConfig.DEFAULT_MAP_CPU_VCORES);
    int threads = asked > 0 ? asked : vcores;
    if (threads > vcores) {
      throw new IllegalArgumentException(String.format(
          "engine.threads=%d exceeds the %d vcore(s) each map container gets; set -D%s=%d or lower engine.threads",
          threads, vcores, MRJobConfig.MAP_CPU_VCORES, threads));
    }
    return threads;
  }
}
