package io.fruits.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench deletes and rewrites folders: it works only in a folder of its own. */
class BenchToolTest {
  @TempDir Path tmp;

  @Test
  void benchWorksOnlyInAFolderOfItsOwn() throws Exception {
    Path home = java.nio.file.Files.createDirectories(tmp.resolve("home"));
    java.nio.file.Files.writeString(home.resolve("marker.txt"), "mine");
    java.nio.file.Files.createDirectories(tmp.resolve("in"));
    String[] args = {"--input", tmp.resolve("in").toString(), "--model", "squeezenet1.1", "--output", home.toString()};
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream errors = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
    BenchTool bench = new BenchTool(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), errors);
    bench.setConf(new Configuration());
    int code = io.fruits.core.Launcher.run("fruits", errors, () -> bench.run(args));
    assertEquals(2, code);
    assertEquals("fruits: output " + new org.apache.hadoop.fs.Path(home.toUri()) + " exists and is not a bench folder (no bench.properties);"
        + " nothing was deleted: give --output a new folder\n", err.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(java.util.List.of("marker.txt"), java.nio.file.Files.list(home).map(p -> p.getFileName().toString()).toList());
  }
}
