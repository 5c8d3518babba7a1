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
 * A small run trained as {@code scripts/fruits demo} trains: four classes that both Fruits-360
 * and the real training photos have (20 Training and 5 Test images each, 30 shop photos each), a
 * run of the photos, a run of the photos through the whole ImageNet classifier, and {@code fruits
 * classify} with all three. MobileNetV2, the demo's preset, with the demo's colour histogram. The
 * demo takes its ImageNet check from the vectors instead ({@code --imagenet-head}); this run keeps
 * the ImageNet run, the way for other models, and {@link ImagenetHeadIT} holds one against the other.
 * Built once per JVM.
 */
final class SureRun {
  /** Fruits-360 class, then the real-photos folder of the same fruit. */
  static final Map<String, String> CLASSES = Map.of("Banana 1", "Banana", "Kiwi 1", "Kiwi", "Lemon 1", "Lemon", "Orange 1", "Orange");
  /** The demo's feature runs append a colour histogram to the CNN's values. */
  private static final String[] COLOUR = {"model.histogram", "hsv"};
  private static Path run;
  private static Path root;

  private SureRun() {}

  static synchronized Path get() throws Exception {
    if (run == null) {
      Path data = SharedData.require().resolve("data");
      root = Files.createTempDirectory(Files.createDirectories(java.nio.file.Paths.get("target").toAbsolutePath()), "sure-run");
      StringBuilder tsv = new StringBuilder("folder\tgrocery_path\tfruits360_classes\n");
      for (Map.Entry<String, String> c : CLASSES.entrySet()) {
        ImageTrees.copyFirst(data.resolve("fruits-360/Training").resolve(c.getKey()), root.resolve("in/Training").resolve(c.getKey()), 20);
        ImageTrees.copyFirst(data.resolve("fruits-360/Test").resolve(c.getKey()), root.resolve("in/Test").resolve(c.getKey()), 5);
        ImageTrees.copyFirst(data.resolve("real-photos/train").resolve(c.getValue()), root.resolve("photos").resolve(c.getValue()), 30);
        tsv.append(c.getValue()).append("\t-\t").append(c.getKey()).append('\n');
      }
      Path classes = Files.writeString(root.resolve("classes.tsv"), tsv);
      Path out = root.resolve("run");
      pipeline("in", "run", "mobilenetv2", COLOUR);
      pipeline("photos", "photo-run", "mobilenetv2", COLOUR);
      pipeline("photos", "imagenet-run", "mobilenetv2-imagenet");
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = ClassifyMain.run(new String[] {"--run", out.toString(), "--photos", root.resolve("photo-run").toString(), "--classes",
          classes.toString(), "--imagenet", root.resolve("imagenet-run").toString()}, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err));
      assertEquals(0, code, err.toString());
      run = out;
    }
    return run;
  }

  /** A run of the run's Training images through the whole ImageNet classifier, for {@code --studio-imagenet}. */
  static synchronized Path trainingImagenetRun() throws Exception {
    get();
    Path out = root.resolve("training-imagenet-run");
    if (!Files.isDirectory(out)) {
      pipeline("in/Training", "training-imagenet-run", "mobilenetv2-imagenet");
    }
    return out;
  }

  /** The folder holding the run, its inputs, the photo runs and {@code classes.tsv}. */
  static Path root() throws Exception {
    get();
    return root;
  }

  /** The Test images of the run, by class folder. */
  static Path testImages() throws Exception {
    get();
    return root.resolve("in/Test");
  }

  private static void pipeline(String in, String out, String model, String... keys) throws Exception {
    Configuration conf = new Configuration();
    for (int i = 0; i < keys.length; i += 2) {
      conf.set(keys[i], keys[i + 1]);
    }
    conf.set("model.dir", SharedData.models().toString());
    // A few components: these small sets have fewer images than features.
    conf.set("pca.method", "randomized");
    conf.set("pca.k", "8");
    PipelineRun r = PipelineRun.of(conf, "--input", root.resolve(in).toString(), "--output", root.resolve(out).toString(), "--model", model);
    assertEquals(0, r.exitCode, r.stderr);
  }
}
