package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fruits.classifier.ClassifyMain;
import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import io.fruits.mapreduce.PipelineRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A real, small run for the serving tests, built once per JVM with the pipeline itself: 12 classes
 * of the shared sample (20 Training and 5 Test images each), SqueezeNet 1.1 features, PCA, and the
 * classifier trained by {@code fruits classify}.
 */
final class TrainedRun {
  static final int CLASSES = 12;
  private static Path run;
  private static Path images;

  private TrainedRun() {}

  static synchronized Path get() throws Exception {
    if (run == null) {
      Path fruits = SharedData.fruits();
      // Under target/ so that mvn clean removes it; absolute, since a browser takes only absolute paths.
      Path root = Files.createTempDirectory(Files.createDirectories(java.nio.file.Paths.get("target").toAbsolutePath()), "trained-run");
      images = root.resolve("in");
      ImageTrees.copySubset(fruits.resolve("Training"), images.resolve("Training"), CLASSES, 20);
      ImageTrees.copySubset(fruits.resolve("Test"), images.resolve("Test"), CLASSES, 5);
      Path out = root.resolve("run");
      Configuration conf = new Configuration();
      conf.set("model.dir", SharedData.models().toString());
      PipelineRun r = PipelineRun.of(conf, "--input", images.toString(), "--output", out.toString(), "--model", "squeezenet1.1");
      assertEquals(0, r.exitCode, r.stderr);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = ClassifyMain.run(new String[] {"--run", out.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
      assertEquals(0, code, err.toString());
      run = out;
    }
    return run;
  }

  /** The Test images of the run, by class folder. */
  static Path testImages() throws Exception {
    get();
    return images.resolve("Test");
  }

  static Map<String, String> modelDir() {
    return Map.of("model.dir", SharedData.models().toString());
  }
}
