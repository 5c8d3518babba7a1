package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import io.fruits.reduction.PcaModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the embedded default (local job runner, local filesystem) over a subset
 * of the shared Fruits-360 sample that covers all 141 classes, with the real SqueezeNet 1.1, plus
 * two bad files. Every number is checked against something computed here, independently.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {
  private static final int TRAIN_PER_CLASS = 24;
  private static final int TEST_PER_CLASS = 12;

  @TempDir static Path tmp;
  static Path input;
  static Configuration conf;
  static PipelineRun first;
  static Path out;

  @BeforeAll
  static void runOnce() throws Exception {
    Path fruits = SharedData.fruits();
    input = tmp.resolve("in");
    ImageTrees.copySubset(fruits.resolve("Training"), input.resolve("Training"), 141, TRAIN_PER_CLASS);
    ImageTrees.copySubset(fruits.resolve("Test"), input.resolve("Test"), 141, TEST_PER_CLASS);
    Files.writeString(input.resolve("Training/Apple 6/notes.jpg"), "not a picture");
    byte[] jpg = Files.readAllBytes(ImageTrees.firstFile(fruits.resolve("Training/Banana 1")));
    Files.write(input.resolve("Training/Banana 1/truncated.jpg"), java.util.Arrays.copyOf(jpg, jpg.length / 3));
    conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    out = tmp.resolve("run1");
    first = PipelineRun.of(conf, "--input", input.toString(), "--output", out.toString(), "--model", "squeezenet1.1");
  }

  @Test
  @Order(1)
  void lastTwoLinesAreTheMergedCsvs() {
    assertEquals(0, first.exitCode, first.stderr);
    assertEquals(out.resolve("features.csv").toString(), first.fromEnd(2));
    assertEquals(out.resolve("pca.csv").toString(), first.fromEnd(1));
  }

  @Test
  @Order(2)
  void everyImageIsAVectorOrAReject() throws IOException {
    List<List<String>> manifest = ImageTrees.rows(out.resolve("packed/manifest.csv"));
    List<List<String>> features = ImageTrees.rows(out.resolve("features.csv"));
    List<List<String>> rejects = ImageTrees.rows(out.resolve("rejects.csv"));
    assertEquals(141 * (TRAIN_PER_CLASS + TEST_PER_CLASS) + 2, manifest.size());
    assertEquals(manifest.size(), features.size() + rejects.size());
    Map<String, String> reasons = new HashMap<>();
    rejects.forEach(r -> reasons.put(r.get(0), r.get(2)));
    assertEquals(Map.of("Training/Apple 6/notes.jpg", "not-an-image", "Training/Banana 1/truncated.jpg", "corrupt"), reasons);
    Set<String> ids = new HashSet<>();
    for (List<String> f : features) {
      assertEquals(2 + 512, f.size());
      assertEquals(f.get(0).split("/")[1], f.get(1), "label is the parent folder");
      ids.add(f.get(0));
    }
    for (List<String> m : manifest) {
      assertTrue(ids.contains(m.get(0)) ^ reasons.containsKey(m.get(0)), m.get(0));
    }
  }

  @Test
  @Order(3)
  void pcaEqualsADirectSvdOfTheStandardisedFeatures() throws IOException {
    List<List<String>> features = ImageTrees.rows(out.resolve("features.csv"));
    int n = features.size();
    int d = 512;
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = Float.parseFloat(features.get(i).get(2 + j));
      }
    }
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (double[] row : z) {
        mean += row[j];
      }
      mean /= n;
      double ss = 0;
      for (double[] row : z) {
        ss += (row[j] - mean) * (row[j] - mean);
      }
      double std = Math.sqrt(ss / (n - 1));
      for (double[] row : z) {
        row[j] = std == 0 ? 0 : (row[j] - mean) / std;
      }
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(z, false));
    double[] s = svd.getSingularValues();
    double total = 0;
    for (double v : s) {
      total += v * v;
    }
    PcaModel model;
    try (Reader r = Files.newBufferedReader(out.resolve("pca/model.txt"))) {
      model = PcaModel.load(r);
    }
    assertTrue(model.k() > 10 && model.k() < d, "k=" + model.k());
    double kept = 0;
    for (int c = 0; c < model.k(); c++) {
      assertEquals(s[c] * s[c] / total, model.explainedVarianceRatio()[c], 1e-6, "explained variance of pc" + (c + 1));
      kept += s[c] * s[c] / total;
      double[] expected = svd.getV().getColumn(c);
      double[] actual = model.component(c);
      double sign = Math.signum(dot(expected, actual));
      for (int j = 0; j < d; j++) {
        assertEquals(expected[j] * sign, actual[j], 1e-6, "pc" + (c + 1) + " entry " + j);
      }
    }
    assertTrue(kept >= 0.95 && kept - s[model.k() - 1] * s[model.k() - 1] / total < 0.95, "k is the smallest reaching 0.95");

    List<List<String>> pca = ImageTrees.rows(out.resolve("pca.csv"));
    assertEquals(n, pca.size());
    for (int i = 0; i < n; i += 97) {
      assertEquals(features.get(i).get(0), pca.get(i).get(0));
      for (int c = 0; c < model.k(); c++) {
        assertEquals(dot(z[i], model.component(c)), Double.parseDouble(pca.get(i).get(2 + c)), 1e-6);
      }
    }
  }

  @Test
  @Order(4)
  void nearestNeighbourOnPcaOutputRecognisesTestImages() throws IOException {
    List<double[]> train = new ArrayList<>();
    List<String> trainLabels = new ArrayList<>();
    List<double[]> test = new ArrayList<>();
    List<String> testLabels = new ArrayList<>();
    for (List<String> row : ImageTrees.rows(out.resolve("pca.csv"))) {
      double[] v = row.subList(2, row.size()).stream().mapToDouble(Double::parseDouble).toArray();
      boolean isTrain = row.get(0).startsWith("Training/");
      (isTrain ? train : test).add(v);
      (isTrain ? trainLabels : testLabels).add(row.get(1));
    }
    assertEquals(141, new HashSet<>(testLabels).size());
    int correct = 0;
    for (int i = 0; i < test.size(); i++) {
      int best = -1;
      double bestDistance = Double.MAX_VALUE;
      for (int j = 0; j < train.size(); j++) {
        double dist = 0;
        for (int c = 0; c < test.get(i).length; c++) {
          double diff = test.get(i)[c] - train.get(j)[c];
          dist += diff * diff;
        }
        if (dist < bestDistance) {
          bestDistance = dist;
          best = j;
        }
      }
      if (trainLabels.get(best).equals(testLabels.get(i))) {
        correct++;
      }
    }
    double accuracy = (double) correct / test.size();
    System.err.printf("[PipelineIT] 1-NN top-1 on PCA output: %.4f (%d of %d test images)%n", accuracy, correct, test.size());
    assertTrue(accuracy >= 0.90, "1-NN top-1 accuracy " + accuracy);
  }

  @Test
  @Order(5)
  void aSecondRunSplitIntoManyMapTasksGivesByteIdenticalCsvs() throws Exception {
    Path again = tmp.resolve("run2");
    Configuration many = new Configuration(conf);
    many.setLong("pack.target.bytes", 400_000); // about 50 SequenceFiles, so about 50 map tasks
    PipelineRun second = PipelineRun.of(many, "--input", input.toString(), "--output", again.toString(), "--model", "squeezenet1.1");
    assertEquals(0, second.exitCode);
    try (Stream<Path> parts = Files.list(again.resolve("features"))) {
      assertTrue(parts.filter(p -> p.getFileName().toString().startsWith("part-m-")).count() > 20, "many map tasks");
    }
    for (String csv : List.of("features.csv", "pca.csv", "rejects.csv")) {
      assertArrayEquals(Files.readAllBytes(out.resolve(csv)), Files.readAllBytes(again.resolve(csv)), csv);
    }
  }

  @Test
  @Order(6)
  void aRunStoppedAfterFeaturesResumesThereWithIdenticalOutput() throws Exception {
    Path resumed = tmp.resolve("run3");
    ImageTrees.copyTree(out, resumed);
    for (String stage : List.of("stats", "pca", "export", "pca.csv", "features.csv", "rejects.csv", "reports")) {
      ImageTrees.deleteTree(resumed.resolve(stage));
    }
    PipelineRun third = PipelineRun.of(conf, "--input", input.toString(), "--output", resumed.toString(), "--model", "squeezenet1.1");
    assertEquals(0, third.exitCode);
    assertTrue(third.stderr.contains("resuming the unfinished run"), third.stderr);
    String timings = Files.readString(resumed.resolve("reports/timings.md"));
    assertFalse(timings.contains("| features |"), "features were not recomputed: " + timings);
    assertTrue(timings.contains("| stats |"), timings);
    for (String csv : List.of("features.csv", "pca.csv", "rejects.csv")) {
      assertArrayEquals(Files.readAllBytes(out.resolve(csv)), Files.readAllBytes(resumed.resolve(csv)), csv);
    }
  }

  @Test
  @Order(7)
  void untilStopsAfterAStageAndTheNextRunFinishesIt() throws Exception {
    Path staged = tmp.resolve("run4");
    PipelineRun partial = PipelineRun.of(conf, "--input", input.toString(), "--output", staged.toString(), "--model", "squeezenet1.1",
        "--until", "features");
    assertEquals(0, partial.exitCode, partial.stderr);
    assertEquals(staged.toString(), partial.fromEnd(1));
    assertTrue(Files.exists(staged.resolve("features/_SUCCESS")));
    assertFalse(Files.exists(staged.resolve("stats")));
    PipelineRun rest = PipelineRun.of(conf, "--input", input.toString(), "--output", staged.toString(), "--model", "squeezenet1.1");
    assertEquals(0, rest.exitCode, rest.stderr);
    assertArrayEquals(Files.readAllBytes(out.resolve("pca.csv")), Files.readAllBytes(staged.resolve("pca.csv")));
    assertTrue(Files.exists(staged.resolve("reports/counters-fruits-stats.json")));
  }

  @Test
  @Order(8)
  void aFinishedRunIsNotOverwrittenWithoutBeingAsked() throws Exception {
    PipelineRun refused = PipelineRun.of(conf, "--input", input.toString(), "--output", out.toString(), "--model", "squeezenet1.1");
    assertEquals(2, refused.exitCode);
    assertTrue(refused.stderr.contains("already holds a finished run; use --overwrite or another --output"), refused.stderr);
  }
  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
