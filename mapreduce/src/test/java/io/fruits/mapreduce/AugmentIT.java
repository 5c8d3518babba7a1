package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.ImageId;
import io.fruits.features.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The augmentation stage in a real run (local job runner, SqueezeNet 1.1) over a small Fruits-360
 * subset with a broken file: two variants of every Training image go through the feature job with
 * their image's label, Test images get none, the broken file is still one reject, and the stage's
 * pack is a pack (parts sorted by id, one id range each) whatever the number of packed parts, so
 * statistics and CSVs are byte for byte those of a run packed into one part.
 */
class AugmentIT {
  private static final int CLASSES = 6;
  private static final int TRAIN = 5;
  private static final int TEST = 2;

  @TempDir static Path tmp;
  static Path input;
  static Configuration conf;
  static Path many;
  static PipelineRun manyParts;

  @BeforeAll
  static void runWithManyPackedParts() throws Exception {
    Path fruits = SharedData.fruits();
    input = tmp.resolve("in");
    ImageTrees.copySubset(fruits.resolve("Training"), input.resolve("Training"), CLASSES, TRAIN);
    ImageTrees.copySubset(fruits.resolve("Test"), input.resolve("Test"), CLASSES, TEST);
    Files.writeString(input.resolve("Training/Apple 6/notes.jpg"), "not a picture");
    conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    conf.setInt("augment.variants", 2);
    conf.set("augment.only", "Training/");
    many = tmp.resolve("many");
    Configuration small = new Configuration(conf);
    small.setLong("pack.target.bytes", 20_000); // several packed parts: several reduces and cuts
    manyParts = PipelineRun.of(small, "--input", input.toString(), "--output", many.toString(), "--model", "squeezenet1.1");
  }

  @Test
  void everyTrainingImageHasTwoVariantsWithItsLabelAndTestImagesNone() throws IOException {
    assertEquals(0, manyParts.exitCode, manyParts.stderr);
    List<List<String>> features = ImageTrees.rows(many.resolve("features.csv"));
    List<List<String>> rejects = ImageTrees.rows(many.resolve("rejects.csv"));
    Map<String, String> labels = new HashMap<>();
    features.forEach(f -> labels.put(f.get(0), f.get(1)));
    int images = CLASSES * (TRAIN + TEST);
    assertEquals(images + 2 * CLASSES * TRAIN, features.size());
    assertEquals(List.of("Training/Apple 6/notes.jpg"), rejects.stream().map(r -> r.get(0)).toList(), "the broken file: one reject, no variants");
    for (List<String> f : features) {
      String id = f.get(0);
      if (id.contains(".aug")) {
        String source = id.substring(0, id.lastIndexOf(".aug"));
        assertTrue(source.startsWith("Training/"), id);
        assertEquals(labels.get(source), f.get(1), "a variant keeps its image's label: " + id);
      } else if (id.startsWith("Training/")) {
        assertEquals(ImageId.labelOf(id), f.get(1));
        assertTrue(labels.containsKey(id + ".aug1.jpg") && labels.containsKey(id + ".aug2.jpg"), id);
      } else {
        assertFalse(labels.containsKey(id + ".aug1.jpg"), "Test images are not augmented: " + id);
      }
    }
    assertTrue(manyParts.stderr.contains("augment: 2 variant(s) of each of 30 images (12 left out by augment.only='Training/', 1 undecodable, 0 failed)"),
        manyParts.stderr);
  }

  @Test
  void theStagesPackHoldsOneSortedIdRangePerPart() throws IOException {
    List<List<String>> ranges = new ArrayList<>();
    try (Stream<Path> parts = Files.list(many.resolve("augmented"))) {
      for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-r-")).sorted().toList()) {
        List<String> ids = ids(part);
        for (int i = 1; i < ids.size(); i++) {
          assertTrue(ImageId.BYTE_ORDER.compare(ids.get(i - 1), ids.get(i)) < 0, part + ": " + ids.get(i - 1) + " before " + ids.get(i));
        }
        if (!ids.isEmpty()) {
          ranges.add(List.of(ids.get(0), ids.get(ids.size() - 1)));
        }
      }
    }
    assertTrue(ranges.size() > 2, "several parts: " + ranges.size());
    for (int i = 1; i < ranges.size(); i++) {
      assertTrue(ImageId.BYTE_ORDER.compare(ranges.get(i - 1).get(1), ranges.get(i).get(0)) < 0, "parts in order, apart: " + ranges);
    }
  }

  @Test
  void aRunPackedIntoOnePartGivesTheSameBytes() throws Exception {
    Path one = tmp.resolve("one");
    PipelineRun r = PipelineRun.of(conf, "--input", input.toString(), "--output", one.toString(), "--model", "squeezenet1.1");
    assertEquals(0, r.exitCode, r.stderr);
    for (String csv : List.of("features.csv", "pca.csv", "rejects.csv")) {
      assertArrayEquals(Files.readAllBytes(many.resolve(csv)), Files.readAllBytes(one.resolve(csv)), csv);
    }
  }

  @Test
  void anotherSeedDrawsOtherVariants() throws Exception {
    Path other = tmp.resolve("other-seed");
    Configuration seeded = new Configuration(conf);
    seeded.setLong("augment.seed", 43);
    seeded.set("augment.only", "Training/Apple 6/");
    PipelineRun r = PipelineRun.of(seeded, "--input", input.toString(), "--output", other.toString(), "--model", "squeezenet1.1");
    assertEquals(0, r.exitCode, r.stderr);
    Map<String, List<String>> before = byId(many.resolve("features.csv"));
    Map<String, List<String>> after = byId(other.resolve("features.csv"));
    String original = before.keySet().stream().filter(id -> id.startsWith("Training/Apple 6/") && id.endsWith(".aug1.jpg")).sorted()
        .findFirst().orElseThrow().replace(".aug1.jpg", "");
    assertEquals(before.get(original), after.get(original), "the images themselves do not change");
    assertFalse(before.get(original + ".aug1.jpg").equals(after.get(original + ".aug1.jpg")), "seed 43 drew another variant");
    assertFalse(after.containsKey("Training/Apple Braeburn 1/" + ImageTrees.firstFile(input.resolve("Training/Apple Braeburn 1")).getFileName() + ".aug1.jpg"),
        "augment.only limits the stage");
  }

  private static Map<String, List<String>> byId(Path csv) throws IOException {
    Map<String, List<String>> rows = new HashMap<>();
    ImageTrees.rows(csv).forEach(r -> rows.put(r.get(0), r.subList(2, r.size())));
    return rows;
  }

  private static List<String> ids(Path part) throws IOException {
    List<String> ids = new ArrayList<>();
    try (SequenceFile.Reader r = new SequenceFile.Reader(new Configuration(),
        SequenceFile.Reader.file(new org.apache.hadoop.fs.Path(part.toUri())))) {
      Text key = new Text();
      BytesWritable value = new BytesWritable();
      while (r.next(key, value)) {
        ids.add(key.toString());
      }
    }
    return ids;
  }
}
