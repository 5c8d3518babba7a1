package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier on data whose answer is known (three Gaussian clouds far apart), the report's
 * counting on hand-made predictions, and a save/load round trip.
 */
class ClassifierTest {
  @TempDir Path tmp;

  private static List<LabelledVector> clouds(String split, int perClass, long seed) {
    Random r = new Random(seed);
    double[][] centres = {{5, 0, 0, 0}, {0, 5, 0, 0}, {0, 0, 5, 0}};
    List<LabelledVector> rows = new ArrayList<>();
    for (int c = 0; c < centres.length; c++) {
      for (int i = 0; i < perClass; i++) {
        double[] v = new double[4];
        for (int j = 0; j < 4; j++) {
          v[j] = centres[c][j] + r.nextGaussian();
        }
        rows.add(new LabelledVector(split + "/c" + c + "/" + i + ".jpg", "c" + c, v));
      }
    }
    return rows;
  }

  @Test
  void separableCloudsAreLearnedAndProbabilitiesSumToOne() throws Exception {
    FruitClassifier classifier = FruitClassifier.train(clouds("Training", 100, 1), 10);
    ClassifierReport report = ClassifierReport.evaluate(classifier, clouds("Test", 50, 2));
    assertTrue(report.top1() > 0.97, "top-1 " + report.top1());
    assertEquals(1.0, report.top3(), 1e-12, "three classes: always in the top 3");
    List<Guess> top = classifier.top(new double[] {5, 0, 0, 0}, 3);
    assertEquals("c0", top.get(0).label());
    assertEquals(1.0, top.stream().mapToDouble(Guess::probability).sum(), 1e-6); // float weights

    Path file = tmp.resolve("classifier.bin");
    classifier.save(file);
    List<Guess> again = FruitClassifier.load(file).top(new double[] {5, 0, 0, 0}, 3);
    assertEquals(top, again);
  }

  @Test
  void severalViewsOfAPhotoAverageTheirProbabilities() {
    FruitClassifier classifier = FruitClassifier.train(clouds("Training", 100, 1), 10);
    CalibratedClassifier judge = new CalibratedClassifier(classifier, new Calibration(2, 0.5, 0, 1, 1, Double.NaN), FruitCatalogue.load());
    double[] a = {5, 0, 0, 0};
    double[] b = {0, 2, 0, 0};
    Verdict both = judge.judge(List.of(a, b), 3, Double.NaN);
    for (Guess g : both.top()) {
      double pa = judge.judge(a, 3, Double.NaN).top().stream().filter(x -> x.label().equals(g.label())).findFirst().orElseThrow().probability();
      double pb = judge.judge(b, 3, Double.NaN).top().stream().filter(x -> x.label().equals(g.label())).findFirst().orElseThrow().probability();
      assertEquals((pa + pb) / 2, g.probability(), 1e-9, g.label());
    }
  }

  @Test
  void reportCountsByHand() {
    ClassifierReport r = new ClassifierReport();
    r.add("a", List.of(new Guess("a", .9), new Guess("b", .1)));
    r.add("a", List.of(new Guess("b", .6), new Guess("a", .4)));
    r.add("b", List.of(new Guess("b", .7), new Guess("a", .3)));
    r.add("c", List.of(new Guess("b", .5), new Guess("a", .3), new Guess("d", .2)));
    assertEquals(0.5, r.top1(), 1e-12); // rows 1 and 3
    assertEquals(0.75, r.top3(), 1e-12); // all but the last
    assertEquals(1.0, r.precision("a"), 1e-12); // predicted a once, right
    assertEquals(1.0 / 3, r.precision("b"), 1e-12); // predicted b three times, right once
    assertEquals(0.5, r.recall("a"), 1e-12);
    assertEquals(0.0, r.recall("c"), 1e-12);
    assertEquals(List.of(java.util.Map.entry("a -> b", 1), java.util.Map.entry("c -> b", 1)), r.confusedPairs(5));
  }

  @Test
  void pcaCsvRowsWithQuotedIds() {
    java.util.List<String> f = io.fruits.core.Csv.parse("\"Training/Apple, \"\"red\"\"/1.jpg\",\"Apple, \"\"red\"\"\",1.5,-2.0E-3");
    LabelledVector v = new LabelledVector(f.get(0), f.get(1), new double[0]);
    assertEquals("Training/Apple, \"red\"/1.jpg", v.id());
    assertEquals("Apple, \"red\"", v.label());
    assertEquals("Training", v.split());
    assertEquals(-0.002f, VectorCsv.values(f, 2)[1], 0);
  }

  @Test
  void pcaCsvRowsMayHoldLineBreaksAndCommas(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    String id = "Training/Apple 6/two\nlines, one file.jpg";
    java.nio.file.Path csv = java.nio.file.Files.writeString(tmp.resolve("pca.csv"),
        "id,label,pc1,pc2\n" + io.fruits.core.Csv.field(id) + ",Apple 6,1.0,2.0\nTraining/Kiwi/k.jpg,Kiwi,3.0,4.0\n");
    java.util.List<LabelledVector> rows = VectorCsv.read(csv, x -> new double[] {x[0] * 2, x[1]});
    assertEquals(2, rows.size());
    assertEquals(id, rows.get(0).id());
    assertEquals("Kiwi", rows.get(1).label());
    assertEquals(6.0, rows.get(1).values()[0], 0, "each row goes through the transform");
  }
}
