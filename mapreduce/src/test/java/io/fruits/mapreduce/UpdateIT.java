package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fruits.features.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --update} on local files; small SequenceFiles make several feature tasks, so the earlier
 * vectors are joined across parts whose id ranges moved. The mini DFS runs the same scenario in
 * cluster-tests.
 */
class UpdateIT {
  @TempDir Path tmp;

  @Test
  void anUpdatedRunIsAFreshRunByteForByte() throws Exception {
    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    Path hadoopTmp = tmp.resolve("hadoop");
    conf.set("hadoop.tmp.dir", hadoopTmp.toString());
    Path base = Files.createDirectories(tmp.resolve("fs"));
    new UpdateScenario(conf, new org.apache.hadoop.fs.Path(base.toUri()), Files.createDirectories(tmp.resolve("local")),
        "pack.target.bytes=40000", "features.map.tasks=4").run();
    try (var left = Files.walk(hadoopTmp)) {
      assertEquals(List.of(hadoopTmp), left.toList(), "five runs, one of them failed, leave nothing in hadoop.tmp.dir");
    }
  }
}
