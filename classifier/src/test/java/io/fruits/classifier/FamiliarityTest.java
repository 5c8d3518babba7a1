package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.augment.Augmenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The familiarity check against hand-computed cosines: which photos vouch for which, where the cut lies, what a saved check holds. */
class FamiliarityTest {
  private static PhotoRow photo(String id, double... values) {
    return new PhotoRow(id, "Lime", List.of("Limes 1"), values);
  }

  /**
   * Three runs of shots ({@code Lime_001..} is one, {@code Lime_011..} the next): the two shots of
   * one run are the same vector, so if a run could vouch for itself every photo would score 1.
   * Against the other runs: a = (1,0) and b = (0.6,0.8) see each other (0.6), c = (0,1) sees b (0.8).
   */
  private static List<PhotoRow> threeRuns() {
    return List.of(photo("Lime/Lime_001.jpg", 1, 0), photo("Lime/Lime_002.jpg", 2, 0), photo("Lime/Lime_011.jpg", 0.6, 0.8),
        photo("Lime/Lime_012.jpg", 0.6, 0.8), photo("Lime/Lime_021.jpg", 0, 3), photo("Lime/Lime_022.jpg", 0, 1));
  }

  @Test
  void theCutIsWhereTheTrainingPhotosStandAgainstOtherRunsOfShots() {
    Familiarity f = Familiarity.fit(threeRuns());
    // Nearest in other runs: 0.6, 0.6, 0.8, 0.8, 0.8, 0.8; 99% of six reach the least of them.
    assertEquals(0.6, f.min(), 1e-6);
    assertEquals(6, f.photos());
    assertEquals(1.0, f.similarity(new double[] {5, 0}), 1e-6, "lengths do not count, only directions");
    assertTrue(f.familiar(new double[] {0.8, 0.6}));
    assertFalse(f.familiar(new double[] {-1, 0}), "opposite to every photo");
    assertFalse(f.familiar(new double[] {-0.9, 0.436}), "cosine 0.44 to (0,1), its nearest");
  }

  @Test
  void theCutLeavesOutTheLeastSimilarHundredth() {
    // 200 unit vectors in runs of ten, 0.001 rad apart, but the last two far out (0.5 and 0.8 rad): those two are left below the cut.
    List<PhotoRow> photos = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double angle = i < 198 ? 0.001 * i : 0.5 + 0.3 * (i - 198);
      photos.add(photo(String.format("Lime/Lime_%03d.jpg", i), Math.cos(angle), Math.sin(angle)));
    }
    Familiarity f = Familiarity.fit(photos);
    double[] nearest = new double[200];
    for (int i = 0; i < 200; i++) {
      double best = -1;
      for (int j = 0; j < 200; j++) {
        if (i / 10 != j / 10) {
          best = Math.max(best, dotOfAngles(photos.get(i), photos.get(j)));
        }
      }
      nearest[i] = best;
    }
    Arrays.sort(nearest);
    assertEquals(nearest[2], f.min(), 1e-6, "floor(1% of 200) = 2: the third least similar photo sets the cut");
  }

  private static double dotOfAngles(PhotoRow a, PhotoRow b) {
    return a.values()[0] * b.values()[0] + a.values()[1] * b.values()[1];
  }

  @Test
  void variantsBelongToTheirImagesRunAndAreNotJudged() {
    // x and y in two runs; a variant of x drawn onto y, and one of y drawn away from both.
    Familiarity f = Familiarity.fit(List.of(photo("Lime/Lime_001.jpg", 1, 0), photo("Lime/Lime_011.jpg", 0, 1),
        photo(Augmenter.variantId("Lime/Lime_001.jpg", 1), 0, 1), photo(Augmenter.variantId("Lime/Lime_011.jpg", 1), -1, -1)));
    assertEquals(4, f.photos());
    // x sees y (0) and y's variant (-0.71), not its own variant (1); y sees x's variant (1). Judged: x 0, y 1.
    // Were the variants runs of their own, x would reach 1; were they judged, y's variant would set -0.71.
    assertEquals(0, f.min(), 1e-6);
  }

  @Test
  void photosOfOneRunOfShotsCannotBeJudged() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Familiarity.fit(List.of(photo("Lime/Lime_001.jpg", 1, 0), photo("Lime/Lime_002.jpg", 0, 1))));
    assertTrue(e.getMessage().contains("all one run of shots"), e.getMessage());
  }

  @Test
  void noCheckFindsEveryPhotoFamiliar() {
    assertTrue(Familiarity.NONE.familiar(new double[] {1, 2, 3}));
    assertTrue(Double.isNaN(Familiarity.NONE.similarity(new double[] {1})));
  }

  @Test
  void aSavedCheckAnswersAsTheFittedOne(@TempDir Path tmp) throws Exception {
    Familiarity f = Familiarity.fit(threeRuns());
    Path file = tmp.resolve("familiarity.bin");
    f.save(file);
    Familiarity loaded = Familiarity.load(file);
    assertEquals(f.min(), loaded.min(), 0);
    for (double[] q : List.of(new double[] {0.3, 0.2}, new double[] {-1, 0.5}, new double[] {0, 1})) {
      assertEquals(f.similarity(q), loaded.similarity(q), 0);
    }
    assertEquals(Familiarity.NONE, Familiarity.load(tmp.resolve("none.bin")), "a run classified without photos has no check");

    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 4));
    IllegalArgumentException damaged = assertThrows(IllegalArgumentException.class, () -> Familiarity.load(file));
    assertTrue(damaged.getMessage().startsWith("familiarity.bin is damaged (6 photos of 2 values in "), damaged.getMessage());
    Files.writeString(file, "model.sha256=0\n");
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> Familiarity.load(file));
    assertTrue(other.getMessage().contains("is not a familiarity check"), other.getMessage());
  }

  @Test
  void aClassifierIsSureOnlyOfFamiliarPhotos() {
    List<LabelledVector> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(new LabelledVector("Training/Limes 1/" + i + ".jpg", "Limes 1", new double[] {1 + 0.01 * i, 0}));
      rows.add(new LabelledVector("Training/Kiwi 1/" + i + ".jpg", "Kiwi 1", new double[] {0, 1 + 0.01 * i}));
    }
    FruitClassifier classifier = FruitClassifier.train(rows, 20);
    CalibratedClassifier judge = new CalibratedClassifier(classifier, new Calibration(1, 0.5, 0, 1, 1, Double.NaN), FruitCatalogue.load());
    double[] far = {1, -3}; // the classifier is sure of it, on the lime side, but like no photo: cosine 0.32 to (1,0), the nearest
    assertTrue(judge.judge(far, 1, Double.NaN).sure());
    CalibratedClassifier checked = judge.with(Familiarity.fit(threeRuns()));
    assertFalse(checked.judge(far, 1, Double.NaN).sure());
    assertTrue(checked.judge(new double[] {3, 0.5}, 1, Double.NaN).sure(), "like the photo (1,0), and a lime");
    assertEquals(judge.judge(far, 3, Double.NaN).top(), checked.judge(far, 3, Double.NaN).top(), "the check changes no class");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> judge.with(Familiarity.fit(List.of(photo("a/a_001.jpg", 1, 0, 0), photo("a/a_011.jpg", 0, 1, 0)))));
    assertTrue(e.getMessage().contains("has photos of 3 values, the classifier takes 2"), e.getMessage());
  }
}
