package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code fruits run --update} on any Hadoop filesystem: a run on a tree, then the tree gains a new
 * class (3 images) and a file that is no image, loses 2 images and has 1 image's bytes replaced;
 * an update whose feature task fails leaves the run whole; the next must equal a fresh run on the
 * final tree byte for byte (CSVs and PCA model) and decode only what changed; a second update must
 * change nothing.
 */
public final class UpdateScenario {
  private final Configuration conf;
  private final FileSystem fs;
  private final Path base;
  private final java.nio.file.Path local;
  private final String[] settings;

  /** {@code local} is a scratch folder on this machine; {@code base} a folder on the filesystem under test. */
  public UpdateScenario(Configuration conf, Path base, java.nio.file.Path local, String... settings) throws IOException {
    this.conf = conf;
    this.fs = base.getFileSystem(conf);
    this.base = base;
    this.local = local;
    this.settings = settings;
  }

  public void run() throws Exception {
    java.nio.file.Path tree = local.resolve("tree");
    java.nio.file.Path training = SharedData.fruits().resolve("Training");
    ImageTrees.copySubset(training, tree, 3, 12);
    Path in = new Path(base, "in");
    Path updated = new Path(base, "updated");
    upload(tree, in);
    assertEquals(0, run(in, updated).exitCode);
    byte[] before = read(new Path(updated, "features.csv"));

    java.nio.file.Path[] classes = sorted(tree);
    java.nio.file.Path[] first = sorted(classes[0]);
    Files.delete(first[0]);
    Files.delete(first[1]);
    Files.copy(sorted(classes[2])[0], sorted(classes[1])[0], java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(classes[2].resolve("notes.jpg"), "not an image");
    java.nio.file.Path fourth = sorted(training)[3];
    java.nio.file.Path newClass = Files.createDirectories(tree.resolve(fourth.getFileName().toString()));
    for (int i = 0; i < 3; i++) {
      java.nio.file.Path image = sorted(fourth)[i];
      Files.copy(image, newClass.resolve(image.getFileName().toString()));
    }
    fs.delete(in, true);
    upload(tree, in);

    byte[] pcaBefore = read(new Path(updated, "pca.csv"));
    PipelineRun failed = run(in, updated, "--update", "-D", FaultInjection.KEY + "=features:0:3");
    assertEquals(1, failed.exitCode, "the local runner does not retry a failed task: " + failed.stderr);
    assertArrayEquals(pcaBefore, read(new Path(updated, "pca.csv")), "an update that failed before its commit leaves the run whole");

    PipelineRun update = run(in, updated, "--update");
    assertEquals(0, update.exitCode, update.stderr);
    assertTrue(update.stderr.contains("[fruits] update: 4 added, 1 changed, 2 removed, 0 now unreadable, 33 unchanged"), update.stderr);
    Path fresh = new Path(base, "fresh");
    assertEquals(0, run(in, fresh).exitCode);
    for (String file : new String[] {"features.csv", "pca.csv", "rejects.csv", "pca/model.txt", "packed/manifest.csv"}) {
      assertArrayEquals(read(new Path(fresh, file)), read(new Path(updated, file)), file + " of the update differs from a fresh run's");
    }
    assertFalse(java.util.Arrays.equals(before, read(new Path(updated, "features.csv"))));
    Map<String, Long> counters = counters(updated);
    assertEquals(33, counters.get("IMAGES_REUSED"), counters.toString());
    assertEquals(38, counters.get("IMAGES_READ"), counters.toString());
    assertEquals(4, counters.get("IMAGES_DECODED"), "3 new images and the changed one; the file that is no image never decodes");
    assertFalse(fs.exists(new Path(updated, "update")));

    long modified = fs.getFileStatus(new Path(updated, "pca.csv")).getModificationTime();
    byte[] counterFile = read(new Path(updated, "reports/counters-fruits-features.json"));
    PipelineRun again = run(in, updated, "--update");
    assertEquals(0, again.exitCode, again.stderr);
    assertTrue(again.stderr.contains("nothing new in"), again.stderr);
    assertEquals(modified, fs.getFileStatus(new Path(updated, "pca.csv")).getModificationTime());
    assertArrayEquals(counterFile, read(new Path(updated, "reports/counters-fruits-features.json")));
    assertFalse(fs.exists(new Path(updated, "update")));
  }

  private static java.nio.file.Path[] sorted(java.nio.file.Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.sorted().toArray(java.nio.file.Path[]::new);
    }
  }

  private PipelineRun run(Path in, Path out, String... extra) {
    String[] args = new String[6 + extra.length + 2 * settings.length];
    int i = 0;
    for (String a : new String[] {"--input", in.toString(), "--output", out.toString(), "--model", "squeezenet1.1"}) {
      args[i++] = a;
    }
    for (String a : extra) {
      args[i++] = a;
    }
    for (String s : settings) {
      args[i++] = "-D";
      args[i++] = s;
    }
    return PipelineRun.of(conf, args);
  }

  private void upload(java.nio.file.Path tree, Path to) throws IOException {
    fs.copyFromLocalFile(false, true, new Path(tree.toUri()), to);
  }

  private byte[] read(Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return in.readAllBytes();
    }
  }

  private Map<String, Long> counters(Path run) throws IOException {
    java.nio.file.Path copy = local.resolve("counters-" + System.nanoTime() + ".json");
    Files.write(copy, read(new Path(run, "reports/counters-fruits-features.json")));
    return JobRunner.readCounters(copy);
  }
}
