package io.fruits.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import io.fruits.mapreduce.PipelineRun;
import io.fruits.mapreduce.SavedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TensorFlow engine through the job jar on HDFS and YARN: the SavedModel folder lies on HDFS,
 * the driver fetches it and ships it to the map tasks as an archive, and TensorFlow's native
 * library travels the same way ({@code -Dtensorflow.natives}, the Maven jar as it is), since a
 * container's environment has no TENSORFLOW_LIBRARY_PATH of its own. The output must equal the
 * local job runner's, byte for byte.
 */
class TensorFlowYarnIT {
  @TempDir static Path tmp;
  static MiniHadoop cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    SharedData.require();
    Configuration conf = new Configuration();
    // TensorFlow maps 630 MB of native library: virtual memory far above the heap, as EMR allows.
    conf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
    cluster = MiniHadoop.start(tmp, "fruits-tf", conf);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // a container the cluster cannot place would wait forever
  void theSavedModelAndTheNativeLibraryTravelAsArchives() throws Exception {
    Path local = tmp.resolve("in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Training"), local, 2, 6);
    Files.writeString(ImageTrees.firstFile(local).resolve("broken.jpg"), "not an image"); // in the first class
    Path model = SavedModels.write("known", tmp.resolve("known"), SavedModels.KNOWN_SIZE);
    Path descriptor = SavedModels.knownDescriptor(model, tmp.resolve("known.properties"));
    FileSystem hdfs = cluster.dfs.getFileSystem();
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), new org.apache.hadoop.fs.Path("/data/tf"));
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(model.toUri()), new org.apache.hadoop.fs.Path("/models/known"));

    Configuration submit = new Configuration(cluster.yarn.getConfig());
    submit.set(MRJobConfig.JAR, HdfsYarnIT.jobJar().toString()); // what `hadoop jar fruits-job.jar` sets
    submit.setInt(MRJobConfig.MAP_MEMORY_MB, 2048); // what the mini cluster offers beside its application master
    submit.set("model.path", hdfs.getUri() + "/models/known");
    submit.set("model.cache.dir", tmp.resolve("model-cache").toString());
    Path natives = Paths.get(System.getProperty("fruits.tensorflow.natives.jar", "tensorflow-core-native.jar"));
    assertTrue(Files.isRegularFile(natives), "TensorFlow's native jar from Maven Central: " + natives);
    submit.set("tensorflow.natives", natives.toString());
    PipelineRun onYarn = PipelineRun.of(submit, "--input", "/data/tf", "--output", "/runs/tf", "--model", descriptor.toString());
    assertEquals(0, onYarn.exitCode, onYarn.stderr);

    Path out = tmp.resolve("embedded");
    cluster.assertSameAsEmbeddedRun("/runs/tf", local, out, descriptor.toString());
    assertEquals(12, ImageTrees.rows(out.resolve("features.csv")).size());
    assertEquals(1, ImageTrees.rows(out.resolve("rejects.csv")).size());
  }
}
