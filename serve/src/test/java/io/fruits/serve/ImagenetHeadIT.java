package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.classifier.ClassifyMain;
import io.fruits.classifier.ImagenetHead;
import io.fruits.classifier.ImagenetRun;
import io.fruits.classifier.LabelledVector;
import io.fruits.classifier.ProduceScore;
import io.fruits.classifier.VectorCsv;
import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import io.fruits.features.ImageDecoder;
import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ImageNet check from the vectors a run already has ({@code classify --imagenet-head}): the
 * last layer of the whole MobileNetV2 classifier, read from its ONNX file, applied to the photo
 * run's vectors, against that classifier itself run by ONNX Runtime on the same photos
 * ({@link SureRun}'s ImageNet run: the independent reference); then a run classified so, with no
 * ImageNet run, answering as the run made with one.
 */
class ImagenetHeadIT {
  /** The feature model's output that the classifier pools (mobilenetv2's {@code model.output.name}). */
  private static final String FEATURE_MAP = "627";

  @Test
  void theLastLayerOnTheRunsVectorsGivesTheClassifiersOwnAnswers() throws Exception {
    ImagenetHead head = ImagenetHead.read(SharedData.models().resolve("mobilenetv2-12-int8.onnx"), FEATURE_MAP);
    assertEquals(1280, head.inputs());
    Map<String, float[]> logits = new HashMap<>();
    VectorCsv.read(SureRun.root().resolve("imagenet-run").resolve(RunFiles.FEATURES_CSV), x -> toDouble(x))
        .forEach(v -> logits.put(v.id(), toFloat(v.values())));
    List<LabelledVector> vectors = VectorCsv.read(SureRun.root().resolve("photo-run").resolve(RunFiles.FEATURES_CSV), x -> toDouble(x));
    assertEquals(120, vectors.size());
    int sameTop = 0;
    double[] differences = new double[vectors.size()];
    for (int i = 0; i < vectors.size(); i++) {
      float[] reference = logits.get(vectors.get(i).id());
      float[] mine = head.logits(vectors.get(i).values());
      sameTop += argmax(mine) == argmax(reference) ? 1 : 0;
      differences[i] = Math.abs(ProduceScore.of(mine) - ProduceScore.of(reference));
    }
    Arrays.sort(differences);
    // The int8 file rounds the pooled vector and its logits to 8 bits; the head does not.
    assertTrue(sameTop >= 0.95 * vectors.size(), sameTop + " of " + vectors.size() + " photos get the classifier's own top class");
    assertTrue(differences[differences.length / 2] < 0.01, "median produce score difference " + differences[differences.length / 2]);
    assertTrue(differences[differences.length - 1] < 0.1, "largest produce score difference " + differences[differences.length - 1]);
  }

  @Test
  void aRunClassifiedWithTheHeadAnswersAsTheRunWithAnImagenetRun(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    ImageTrees.copyTree(SureRun.get(), run);
    // A descriptor file: the preset, and where its file is on this machine.
    Path model = Files.writeString(tmp.resolve("imagenet.properties"),
        "model.preset=mobilenetv2-imagenet\nmodel.dir=" + SharedData.models().toString().replace("\\", "/") + "\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ClassifyMain.run(new String[] {"--run", run.toString(), "--photos", SureRun.root().resolve("photo-run").toString(),
        "--classes", SureRun.root().resolve("classes.tsv").toString(), "--imagenet-head", model.toString()},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    assertEquals(0, code, err.toString());
    assertEquals(ImagenetRun.FROM_VECTORS, RunFolder.local(run).properties(RunFiles.IMAGENET).get(ImagenetRun.FROM));
    double withRun = produceMin(SureRun.get().resolve(RunFiles.CALIBRATION));
    double withHead = produceMin(run.resolve(RunFiles.CALIBRATION));
    assertEquals(withRun, withHead, 0.2 * withRun, "the threshold 95% of the photos reach, from the vectors and from the ImageNet run");
    try (FruitPredictor byRun = FruitPredictor.open(SureRun.get(), TrainedRun.modelDir(), ImageDecoder.DEFAULT_MAX_PIXELS, 2);
        FruitPredictor byHead = FruitPredictor.open(run, TrainedRun.modelDir(), ImageDecoder.DEFAULT_MAX_PIXELS, 2)) {
      for (String name : List.of("kitten_224.png", "finch.jpeg")) {
        byte[] photo = Files.readAllBytes(SharedData.models().resolve("testdata").resolve(name));
        Answer answer = byHead.predict(name, photo);
        assertFalse(answer.verdict().sure(), name);
        assertEquals(byRun.predict(name, photo).verdict().produce(), answer.verdict().produce(), 0.01, name + "'s produce score");
      }
      double kitten = byHead.predict("kitten", Files.readAllBytes(SharedData.models().resolve("testdata/kitten_224.png"))).verdict().produce();
      try (var photos = Files.list(SharedData.require().resolve("data/real-photos/dev/Lemon"))) {
        for (Path p : photos.sorted().limit(5).toList()) {
          byte[] photo = Files.readAllBytes(p);
          double expected = byRun.predict(p.toString(), photo).verdict().produce();
          double actual = byHead.predict(p.toString(), photo).verdict().produce();
          assertTrue(actual > 10 * kitten, p + " shows produce: " + actual + " against the kitten's " + kitten);
          assertEquals(expected, actual, Math.max(0.02, 0.2 * expected), p + "'s produce score");
        }
      }
    }
  }

  @Test
  void aClassifierOfAnotherShapeFeatureMapOrNetworkIsRefusedInOneLine(@TempDir Path tmp) throws Exception {
    // SqueezeNet ends in a convolution before its pooling: its logits are not a layer of pooled features.
    IllegalArgumentException squeezenet = assertThrows(IllegalArgumentException.class,
        () -> ImagenetHead.read(SharedData.models().resolve("squeezenet1.1.onnx"), "fire9/concat_1"));
    assertTrue(squeezenet.getMessage().startsWith("squeezenet1.1.onnx cannot be applied to the run's vectors ("), squeezenet.getMessage());
    assertTrue(squeezenet.getMessage().endsWith("give that run as --imagenet"), squeezenet.getMessage());
    IllegalArgumentException otherMap = assertThrows(IllegalArgumentException.class,
        () -> ImagenetHead.read(SharedData.models().resolve("mobilenetv2-12-int8.onnx"), "624"));
    assertTrue(otherMap.getMessage().contains("it pools 627_quantized, not the feature model's output 624"), otherMap.getMessage());
    // Given the feature model's file, the map must be the one that file makes: its own last layer, weights and all.
    Path classifier = SharedData.models().resolve("mobilenetv2-12-int8.onnx");
    assertEquals(1280, ImagenetHead.read(classifier, SharedData.models().resolve("mobilenetv2-int8-features.onnx"), FEATURE_MAP).inputs());
    IllegalArgumentException otherNetwork = assertThrows(IllegalArgumentException.class,
        () -> ImagenetHead.read(classifier, SharedData.models().resolve("squeezenet1.1-features.onnx"), FEATURE_MAP));
    assertTrue(otherNetwork.getMessage().contains("is not the one in squeezenet1.1-features.onnx: another network's weights"),
        otherNetwork.getMessage());

    ByteArrayOutputStream usage = new ByteArrayOutputStream();
    assertEquals(2, ClassifyMain.run(new String[] {"--run", tmp.toString(), "--photos", "p", "--classes", "c", "--imagenet", "i",
        "--imagenet-head", "mobilenetv2-imagenet"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(usage)));
    assertEquals("fruits classify: --imagenet-head takes the place of the ImageNet runs --imagenet and --studio-imagenet: give one or the"
        + " others", usage.toString().strip());
  }

  private static double produceMin(Path calibration) throws Exception {
    Properties p = new Properties();
    try (java.io.Reader r = Files.newBufferedReader(calibration)) {
      p.load(r);
    }
    return Double.parseDouble(p.getProperty("imagenet.produce.min"));
  }

  private static int argmax(float[] x) {
    int best = 0;
    for (int i = 1; i < x.length; i++) {
      best = x[i] > x[best] ? i : best;
    }
    return best;
  }

  private static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }

  private static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }
}
