package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.Csv;
import io.fruits.features.SharedData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack job (here on the local runner; on YARN in cluster-tests) and the pack from an S3
 * Inventory listing give the driver pack's manifest, side files and every later output, byte for
 * byte, with a hidden file, a file over the size limit, a duplicate (its name full of characters that
 * URIs and globs treat specially) and a file that is no image. A file the inventory lists but that
 * is gone when read (an inventory is up to a day old) is one reject more, not a failed job, and so
 * is one that grew past the size limit since the inventory was written (it is not read whole).
 */
class PackJobIT {
  @TempDir Path tmp;

  @Test
  void theJobAndTheListingPackAsTheDriverDoes() throws Exception {
    Path in = tmp.resolve("in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Training"), in, 3, 8);
    Path first = ImageTrees.firstFile(in);
    // A colon, a hash, a percent sign and brackets: names a Hadoop Path cannot always parse.
    Files.copy(ImageTrees.firstFile(first), first.resolve("copy 12:30 #1 %41 [a].jpg"));
    Files.writeString(first.resolve(".DS_Store"), "hidden");
    Files.writeString(first.resolve("notes.jpg"), "not an image");
    Files.write(first.resolve("huge.jpg"), new byte[300_000]);
    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    conf.setLong("pack.max.file.bytes", 200_000);

    Path driver = tmp.resolve("driver");
    assertEquals(0, run(conf, in, driver).exitCode);
    Configuration jobConf = new Configuration(conf);
    jobConf.setLong("pack.job.min.files", 0);
    jobConf.set("pack.map.tasks", "4");
    Path job = tmp.resolve("job");
    PipelineRun r = run(jobConf, in, job);
    assertEquals(0, r.exitCode, r.stderr);
    assertTrue(r.stderr.contains("in 4 SequenceFile(s) by a job of 4 map task(s), 1 skipped (hidden, links, folders that may not be read), 1 too large, 0 unreadable, 1 duplicate(s)"),
        r.stderr);
    assertSameOutputs(driver, job);

    Path inventory = tmp.resolve("inventory.csv");
    List<String> rows = new ArrayList<>();
    try (var files = Files.walk(in)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String key = f.toAbsolutePath().toString().substring(1); // S3 keys have no leading slash
        rows.add("\"bucket\",\"" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "\"," + Files.size(f) + ",\"2026-11-26T00:00:00.000Z\"");
      }
    }
    rows.add("\"bucket\",\"elsewhere/Other/x.jpg\",10,\"2026-11-26T00:00:00.000Z\""); // not below the input: not ours
    Files.write(inventory, rows);
    Path listed = tmp.resolve("listed");
    PipelineRun l = run(jobConf, in, listed, "--listing", inventory.toString());
    assertEquals(0, l.exitCode, l.stderr);
    assertSameOutputs(driver, listed);

    String gone = in.relativize(first.resolve("deleted since the inventory.jpg")).toString();
    rows.add("\"bucket\",\"" + URLEncoder.encode(first.resolve("deleted since the inventory.jpg").toAbsolutePath().toString().substring(1),
        StandardCharsets.UTF_8) + "\",1234,\"2026-11-26T00:00:00.000Z\"");
    // huge.jpg was small when the inventory was written: the map task must not read it whole.
    String huge = in.relativize(first.resolve("huge.jpg")).toString();
    rows.replaceAll(row -> row.contains(URLEncoder.encode("/huge.jpg", StandardCharsets.UTF_8)) ? row.replace(",300000,", ",1234,") : row);
    Files.write(inventory, rows);
    Path stale = tmp.resolve("stale");
    PipelineRun s = run(jobConf, in, stale, "--listing", inventory.toString());
    assertEquals(0, s.exitCode, s.stderr);
    assertTrue(s.stderr.contains("0 too large, 2 unreadable, 1 duplicate(s)"), s.stderr);
    for (String f : new String[] {"features.csv", "pca.csv", "pca/model.txt"}) {
      assertArrayEquals(Files.readAllBytes(driver.resolve(f)), Files.readAllBytes(stale.resolve(f)), f);
    }
    List<String> manifest = new ArrayList<>(Files.readAllLines(driver.resolve("packed/manifest.csv")));
    assertTrue(manifest.removeIf(row -> row.startsWith(huge + ",")), "the driver listed huge.jpg, unread");
    assertEquals(manifest, Files.readAllLines(stale.resolve("packed/manifest.csv")), "an unreadable file is left to --update");
    for (String f : new String[] {"packed/rejects.csv", "rejects.csv"}) {
      List<String> extra = new ArrayList<>(Files.readAllLines(stale.resolve(f)));
      extra.removeAll(Files.readAllLines(driver.resolve(f)));
      List<String> missing = new ArrayList<>(Files.readAllLines(driver.resolve(f)));
      missing.removeAll(Files.readAllLines(stale.resolve(f)));
      assertEquals(List.of(huge, first.getFileName().toString(), "too-large"), Csv.parse(missing.get(0)).subList(0, 3), f);
      assertEquals(1, missing.size(), f + ": " + missing);
      assertEquals(2, extra.size(), f + ": " + extra);
      List<String> row = Csv.parse(extra.get(0));
      assertEquals(List.of(gone, first.getFileName().toString(), "unreadable"), row.subList(0, 3), f);
      assertTrue(row.get(3).startsWith("listed but could not be read (FileNotFoundException: "), f + ": " + row);
      assertEquals(List.of(huge, first.getFileName().toString(), "unreadable",
          "it grew past pack.max.file.bytes=200000 since it was listed; it was not read further"), Csv.parse(extra.get(1)), f);
    }
  }

  private static PipelineRun run(Configuration conf, Path in, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input", in.toString(), "--output", out.toString(), "--model", "squeezenet1.1"));
    args.addAll(List.of(extra));
    return PipelineRun.of(conf, args.toArray(String[]::new));
  }

  private static void assertSameOutputs(Path expected, Path actual) throws Exception {
    for (String f : new String[] {"packed/manifest.csv", "packed/skipped.csv", "packed/rejects.csv", "packed/duplicates.csv",
        "features.csv", "pca.csv", "rejects.csv", "pca/model.txt"}) {
      assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
    }
  }
}
