package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How real photos are labelled and weighed: classes.tsv, the held-out share, one photo that may be
 * several classes, and the photos weighing as much as Fruits-360 together.
 */
class PhotoLabelsTest {
  @TempDir Path tmp;

  @Test
  void classesTsvMapsEachFolderToItsClasses() throws Exception {
    Path tsv = Files.writeString(tmp.resolve("classes.tsv"),
        "folder\tgrocery_path\tfruits360_classes\nApple Golden-Delicious\tx/\tApple Golden 1;Apple Golden 2\nKiwi\tk/\tKiwi 1\n");
    assertEquals(Map.of("Apple Golden-Delicious", List.of("Apple Golden 1", "Apple Golden 2"), "Kiwi", List.of("Kiwi 1")),
        PhotoClasses.read(tsv));
    Path bad = Files.writeString(tmp.resolve("bad.tsv"), "name\tclasses\nKiwi\tKiwi 1\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PhotoClasses.read(bad)).getMessage().contains("fruits360_classes"));
  }

  @Test
  void theHeldOutShareIsStableAndNearItsPercentage() {
    int held = 0;
    for (int i = 0; i < 10_000; i++) {
      held += HeldOut.isHeldOut("Banana/Banana_" + i + ".jpg", 30) ? 1 : 0;
    }
    assertEquals(3000, held, 150);
    assertEquals(HeldOut.isHeldOut("Kiwi/Kiwi_001.jpg", 30), HeldOut.isHeldOut("Kiwi/Kiwi_001.jpg", 30));
  }

  @Test
  void shotsTakenOneAfterTheOtherAreHeldOutTogether() {
    assertEquals("Banana/Banana_#0", ShotGroup.of("Banana/Banana_003.jpg"));
    assertEquals(ShotGroup.of("Banana/Banana_010.jpg"), ShotGroup.of("Banana/Banana_019.jpg"));
    assertTrue(!ShotGroup.of("Banana/Banana_019.jpg").equals(ShotGroup.of("Banana/Banana_020.jpg")));
    assertTrue(!ShotGroup.of("Kiwi/x_001.jpg").equals(ShotGroup.of("Lime/x_001.jpg")), "folders never share a group");
    assertEquals("Kiwi/photo.jpg", ShotGroup.of("Kiwi/photo.jpg"), "no number: its own group");
  }

  @Test
  void photosWeighAsMuchAsTheFruitsTogether() {
    List<LabelledVector> fruits = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      fruits.add(new LabelledVector("Training/Kiwi 1/" + i, "Kiwi 1", new double[] {1}));
    }
    List<PhotoRow> photos = List.of(new PhotoRow("Kiwi/1", "Kiwi", List.of("Kiwi 1"), new double[] {2}),
        new PhotoRow("Apple/1", "Apple", List.of("Apple Golden 1", "Apple Golden 2"), new double[] {3}));
    List<TrainingExample> examples = ClassifierTraining.examples(fruits, photos);
    assertEquals(102, examples.size());
    assertEquals(100.0, examples.subList(100, 102).stream().mapToDouble(TrainingExample::weight).sum(), 1e-4);
    assertEquals(List.of("Apple Golden 1", "Apple Golden 2"), examples.get(101).labels());
  }

  @Test
  void aPhotoThatMayBeTwoClassesSplitsItsProbabilityBetweenThem() {
    // Class a at x = -3, b and c only ever together at x = +3 ("one of b, c").
    List<TrainingExample> examples = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      examples.add(new TrainingExample(List.of("a"), new double[] {-3 + (i % 7) * 0.1}, 1f));
      examples.add(new TrainingExample(List.of("b", "c"), new double[] {3 + (i % 7) * 0.1}, 1f));
    }
    FruitClassifier classifier = FruitClassifier.trainWeighted(examples, 200);
    double[] p = classifier.probabilities(new double[] {3.3});
    assertEquals(List.of("a", "b", "c"), classifier.classes());
    assertTrue(p[1] > 0.4 && p[2] > 0.4, "b and c, not a: " + java.util.Arrays.toString(p));
    assertEquals(p[1], p[2], 0.05, "b and c share: " + p[1] + " " + p[2]);
  }
}
