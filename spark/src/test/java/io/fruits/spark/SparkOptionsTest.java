package io.fruits.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** The Spark edition's command line and settings, without starting Spark. */
class SparkOptionsTest {
  @Test
  void namedOptionsAndDefinesInAnyOrder() {
    SparkOptions o = SparkOptions.parse(new String[] {"-D", "pca.k=3", "--input", "in", "--output", "out", "--model", "vgg16",
        "-Dspark.task.cpus=2", "--master", "local[2]", "--overwrite"});
    assertEquals("in", o.input);
    assertEquals("out", o.output);
    assertEquals("vgg16", o.model);
    assertEquals("local[2]", o.master);
    assertEquals(true, o.overwrite);
    assertEquals(Map.of("pca.k", "3", "spark.task.cpus", "2"), o.defines);
  }

  @Test
  void wrongArgumentsSayWhatToDo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkOptions.parse(new String[] {"--inptu", "x"}));
    assertEquals("unknown option '--inptu'; see fruits spark --help", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SparkOptions.parse(new String[] {"--input", "x", "--output", "y"}));
    assertEquals("missing --model PRESET|DESCRIPTOR (vgg16, squeezenet1.1, mobilenetv2, their -imagenet classifiers or a .properties file); see fruits spark --help",
        e.getMessage());
  }

  @Test
  void engineThreadsAreSparksTaskCpus() {
    assertEquals(1, TaskThreads.of(1, new Configuration()));
    assertEquals(2, TaskThreads.of(2, new Configuration()));
    Configuration conf = new Configuration();
    conf.set("engine.threads", "2");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskThreads.of(1, conf));
    assertEquals("engine.threads=2 but spark.task.cpus=1; in the Spark edition set -D spark.task.cpus=2 instead, so Spark reserves those cores",
        e.getMessage());
  }
}
