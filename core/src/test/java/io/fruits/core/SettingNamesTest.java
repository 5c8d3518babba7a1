package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.GenericOptionsParser;
import org.junit.jupiter.api.Test;

/** A mistyped setting of fruits is refused with the one meant; Hadoop's and Spark's own pass. */
class SettingNamesTest {
  @Test
  void aMistypedSettingNamesTheOneMeant() {
    assertEquals("-D pca.kk is no setting of fruits; did you mean pca.k? (settings: fruits run --help)",
        assertThrows(IllegalArgumentException.class, () -> SettingNames.check(List.of("pca.kk"), "fruits run --help")).getMessage());
    assertEquals("-D feature.batch.size is no setting of fruits; did you mean features.batch.size? (settings: fruits run --help)",
        assertThrows(IllegalArgumentException.class, () -> SettingNames.check(List.of("feature.batch.size"), "fruits run --help")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> SettingNames.check(List.of("model.dri"), "x"));
    assertThrows(IllegalArgumentException.class, () -> SettingNames.check(List.of("model.histogram.bins"), "x"), "an own prefix, however far");
  }

  @Test
  void everySettingOfFruitsAndOthersNamesPass() {
    SettingNames.check(SettingNames.known(), "x");
    SettingNames.check(List.of("mapreduce.job.reduces", "fs.s3a.endpoint", "spark.task.cpus", "dfs.replication", "mapreduce.task.timeout",
        "yarn.app.mapreduce.am.resource.mb", "fruits.fault.fail"), "x");
  }

  @Test
  void theNamesSetByToolRunnersParserAreFound() throws Exception {
    Configuration conf = new Configuration();
    conf.set("pca.variance", "0.9"); // set in code, not on the command line
    new GenericOptionsParser(conf, new String[] {"-D", "pca.kk=3", "-D", "mapreduce.job.reduces=2"});
    assertEquals(List.of("mapreduce.job.reduces", "pca.kk"), SettingNames.fromCommandLine(conf).stream().sorted().toList());
  }

  @Test
  void distanceCountsSingleCharacterEdits() {
    assertEquals(0, SettingNames.distance("pca.k", "pca.k"));
    assertEquals(1, SettingNames.distance("pca.kk", "pca.k"));
    assertEquals(1, SettingNames.distance("feature.batch.size", "features.batch.size"));
    assertEquals(3, SettingNames.distance("kitten", "sitting"));
  }
}
