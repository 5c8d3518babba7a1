package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline over a dirty collection ({@link BadInputCorpus}, 24 kinds of trouble): the job
 * succeeds, every file is a vector or a listed, counted reject with the expected reason, and
 * nothing is lost.
 */
class BadInputIT {
  @TempDir Path tmp;

  @Test
  void everyBadFileIsCountedListedAndNothingIsLost() throws Exception {
    Path in = tmp.resolve("in");
    byte[] fruit = Files.readAllBytes(ImageTrees.firstFile(SharedData.fruits().resolve("Training/Apple 6")));
    BadInputCorpus corpus = new BadInputCorpus().write(in, fruit);
    ImageTrees.copySubset(SharedData.fruits().resolve("Training"), in.resolve("Real"), 3, 4);
    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    Path out = tmp.resolve("out");

    PipelineRun run = PipelineRun.of(conf, "--input", in.toString(), "--output", out.toString(), "--model", "squeezenet1.1");
    assertEquals(0, run.exitCode, run.stderr);

    Map<String, String> actual = new TreeMap<>();
    for (List<String> row : ImageTrees.rows(out.resolve("features.csv"))) {
      if (!row.get(0).startsWith("Real/")) {
        actual.put(row.get(0), "vector");
      }
      assertEquals(row.get(0).substring(0, row.get(0).lastIndexOf('/')).replaceAll(".*/", ""), row.get(1), "label of " + row.get(0));
    }
    Map<String, Integer> byReason = new HashMap<>();
    for (List<String> row : ImageTrees.rows(out.resolve("rejects.csv"))) {
      actual.put(row.get(0), row.get(2));
      byReason.merge(row.get(2), 1, Integer::sum);
      assertTrue(!row.get(3).isBlank(), "a reject says why: " + row);
    }
    assertEquals(new TreeMap<>(corpus.expected), actual);

    // Accounting: every packed file is a vector or a reject; hidden files are listed as skipped.
    int packed = ImageTrees.rows(out.resolve("packed/manifest.csv")).size();
    int vectors = ImageTrees.rows(out.resolve("features.csv")).size();
    int rejects = ImageTrees.rows(out.resolve("rejects.csv")).size();
    assertEquals(corpus.expected.size() + 12, packed);
    assertEquals(packed, vectors + rejects);
    assertEquals(List.of(List.of("Names/.DS_Store", "hidden")), ImageTrees.rows(out.resolve("packed/skipped.csv")));
    assertTrue(ImageTrees.rows(out.resolve("packed/duplicates.csv")).stream()
        .anyMatch(r -> r.get(0).equals(corpus.duplicateId) && r.get(1).equals(corpus.duplicateOf)));

    // One counter per reason, equal to the rejects file; read = decoded + rejected.
    String counters = Files.readString(out.resolve("reports/counters-fruits-features.json"));
    assertTrue(counters.contains("\"IMAGES_READ\": " + packed), counters);
    assertTrue(counters.contains("\"IMAGES_DECODED\": " + vectors), counters);
    assertTrue(counters.contains("\"REJECTED\": " + rejects), counters);
    for (Map.Entry<String, Integer> e : byReason.entrySet()) {
      Matcher m = Pattern.compile("\"" + e.getKey() + "\": (\\d+)").matcher(counters);
      assertTrue(m.find(), "counter for " + e.getKey() + " in " + counters);
      assertEquals(e.getValue().intValue(), Integer.parseInt(m.group(1)), e.getKey());
    }
  }

  @Test
  void aFileOverTheSizeLimitIsARejectThatIsNeverRead() throws Exception {
    Path in = tmp.resolve("sized");
    ImageTrees.copySubset(SharedData.fruits().resolve("Training"), in, 2, 3);
    Path big = Files.write(in.resolve("Apple 6/zz-huge.jpg"), new byte[200_000]);
    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    conf.setLong("pack.max.file.bytes", 100_000);
    Path out = tmp.resolve("sized-out");
    PipelineRun run = PipelineRun.of(conf, "--input", in.toString(), "--output", out.toString(), "--model", "squeezenet1.1");
    assertEquals(0, run.exitCode, run.stderr);
    assertEquals(List.of(List.of("Apple 6/zz-huge.jpg", "Apple 6", "too-large", "200000 bytes exceeds pack.max.file.bytes=100000")),
        ImageTrees.rows(out.resolve("rejects.csv")));
    assertEquals(7, ImageTrees.rows(out.resolve("packed/manifest.csv")).size(), "every input is in the manifest");
    assertEquals(6, ImageTrees.rows(out.resolve("features.csv")).size());
    assertTrue(Files.exists(big));
  }

  /** One image that decodes and one that does not: the vectors are kept, the PCA is refused in one line. */
  @Test
  void anInputOfOneGoodImageIsOneLineNotAStackTrace() throws Exception {
    Path in = tmp.resolve("one/Apple 6");
    Files.createDirectories(in);
    Files.copy(ImageTrees.firstFile(SharedData.fruits().resolve("Training/Apple 6")), in.resolve("only.jpg"));
    Files.writeString(in.resolve("notes.jpg"), "not a photo");
    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    Path out = tmp.resolve("one-out");
    PipelineRun run = PipelineRun.of(conf, "--input", in.getParent().toString(), "--output", out.toString(), "--model", "squeezenet1.1");
    assertEquals(2, run.exitCode, run.stderr);
    assertEquals(List.of("fruits: the input gave 1 vector (its other files, if any, were rejected); statistics and a PCA need at least 2:"
        + " give --input a folder of at least 2 images that decode"), run.stderr.lines().filter(l -> !l.startsWith("[fruits]")).toList());
  }

  /** Copies of one image: vectors that do not vary have no principal component, said in one line. */
  @Test
  void copiesOfOneImageAreOneLineNotColumnsOfZeros() throws Exception {
    Path in = tmp.resolve("copies/Apple 6");
    Files.createDirectories(in);
    for (String name : List.of("a.jpg", "b.jpg", "c.jpg")) {
      Files.copy(ImageTrees.firstFile(SharedData.fruits().resolve("Training/Apple 6")), in.resolve(name));
    }
    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    PipelineRun run = PipelineRun.of(conf, "--input", in.getParent().toString(), "--output", tmp.resolve("copies-out").toString(), "--model",
        "squeezenet1.1");
    assertEquals(2, run.exitCode, run.stderr);
    assertEquals(List.of("fruits: the input's 3 vectors are all the same (no value varies: one image under every name?);"
        + " a PCA needs images that differ: give --input a folder of different images"),
        run.stderr.lines().filter(l -> !l.startsWith("[fruits]")).toList());
  }
}
