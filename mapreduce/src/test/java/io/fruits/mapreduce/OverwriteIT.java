package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.RunLayout;
import io.fruits.features.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --overwrite} deletes only a run of ours, after every other check has passed: a folder
 * that is not a run, the current folder, a folder holding the input, and an earlier run under a
 * mistyped model all survive, with exit code 2 and one line saying why.
 */
class OverwriteIT {
  @TempDir Path tmp;
  Path in;
  Configuration conf;

  @BeforeEach
  void images() throws Exception {
    in = tmp.resolve("photos/in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Test"), in, 2, 2);
    conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
  }

  private PipelineRun run(Path output, String model) {
    return PipelineRun.of(conf, "--input", in.toString(), "--output", output.toString(), "--model", model, "--overwrite");
  }

  private static void assertRefused(PipelineRun r, String reason) {
    assertEquals(2, r.exitCode, r.stderr);
    List<String> errors = r.stderr.lines().filter(l -> !l.startsWith("[fruits]")).toList();
    assertEquals(1, errors.size(), r.stderr);
    assertTrue(errors.get(0).contains(reason), r.stderr);
  }

  @Test
  void aFolderThatIsNotARunSurvives() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(home.resolve("marker.txt"), "mine");
    assertRefused(run(home, "squeezenet1.1"), "is not a run of fruits (no run.properties); nothing was deleted");
    assertEquals("mine", Files.readString(home.resolve("marker.txt")));
  }

  @Test
  void anOutputBelowAFileIsRefusedInOneLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
    assertRefused(run(file.resolve("run"), "squeezenet1.1"), "cannot be created (no write permission, or a file in its way)");
    assertEquals("mine", Files.readString(file));
  }

  @Test
  void aFolderHoldingTheInputSurvives() throws Exception {
    Files.writeString(tmp.resolve("photos/marker.txt"), "mine");
    Files.writeString(tmp.resolve("photos/" + io.fruits.core.RunLayout.SETTINGS), "even if it looks like a run\n");
    assertRefused(run(tmp.resolve("photos"), "squeezenet1.1"), "holds the input");
    assertRefused(run(in, "squeezenet1.1"), "holds the input");
    assertEquals("mine", Files.readString(tmp.resolve("photos/marker.txt")));
    try (var files = Files.walk(in)) {
      assertEquals(4, files.filter(Files::isRegularFile).count(), "the input is whole");
    }
  }

  @Test
  void aMistypedModelLeavesTheEarlierRunWhole() throws Exception {
    Path out = tmp.resolve("run");
    assertEquals(0, run(out, "squeezenet1.1").exitCode);
    byte[] before = Files.readAllBytes(out.resolve("pca.csv"));
    assertRefused(run(out, "squeezenet1.2"), "unknown model preset 'squeezenet1.2'");
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("pca.csv"))));
    PipelineRun again = run(out, "squeezenet1.1");
    assertEquals(0, again.exitCode, again.stderr);
    assertTrue(again.stderr.contains("--overwrite: deleted the earlier run in"), again.stderr);
  }

  @Test
  void theCurrentFolderSurvives() throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    Files.writeString(cwd.resolve("marker.txt"), "mine");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), FruitsMain.class.getName(), "run", "-D", "model.dir=" + SharedData.models(),
        "--input", in.toString(), "--output", ".", "--model", "squeezenet1.1", "--overwrite")
        .directory(cwd.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, p.waitFor(), output);
    assertTrue(output.lines().anyMatch(l -> l.startsWith("fruits: output ") && l.endsWith("cwd exists and is not a run of fruits"
        + " (no run.properties); nothing was deleted: give --output a new folder")), output);
    assertEquals("mine", Files.readString(cwd.resolve("marker.txt")));
  }

  /**
   * A run another is writing is neither resumed nor deleted by a second run into it: two runs into
   * one folder collided in a task (one failed with a stack trace) and --overwrite deleted the other's
   * folder; nor is a run that fruits classify is writing into (its lock is written through java.nio,
   * read here through Hadoop's local filesystem). A finished run leaves no lock behind.
   */
  @Test
  void aRunBeingWrittenIsNeitherJoinedNorDeleted() throws Exception {
    Path out = tmp.resolve("run");
    assertEquals(0, run(out, "squeezenet1.1").exitCode);
    assertFalse(Files.exists(out.resolve(io.fruits.core.RunLock.FILE)), "released at the end");
    byte[] pca = Files.readAllBytes(out.resolve("pca.csv"));
    try (var writing = io.fruits.core.RunLock.take(io.fruits.core.HadoopLockFile.of(conf, new org.apache.hadoop.fs.Path(out.toUri())), "fruits run")) {
      assertRefused(run(out, "squeezenet1.1"), "is being written by fruits run (pid ");
      assertRefused(PipelineRun.of(conf, "--input", in.toString(), "--output", out.toString(), "--model", "squeezenet1.1", "--update"),
          "is being written by fruits run (pid ");
      assertArrayEquals(pca, Files.readAllBytes(out.resolve("pca.csv")), "--overwrite did not delete it");
    }
    try (var classifying = io.fruits.core.RunLock.take(io.fruits.core.LocalLockFile.of(out), "fruits classify")) {
      assertRefused(run(out, "squeezenet1.1"), "is being written by fruits classify (pid ");
      assertArrayEquals(pca, Files.readAllBytes(out.resolve("pca.csv")), "--overwrite did not delete it");
    }
    assertEquals(0, run(out, "squeezenet1.1").exitCode, "free again once the other run ended");
  }
}
