package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped while the CNN runs (Ctrl-C, YARN's SIGTERM to a container) ends as a stopped JVM,
 * not a crash: a shutdown hook closed the engine's session under the task threads still inside
 * it, and ONNX Runtime died with SIGSEGV, leaving an hs_err file in the working folder. The run
 * then resumes.
 */
class StoppedRunIT {
  @TempDir Path tmp;

  @Test
  void stoppingARunDuringTheFeaturesIsNoCrashAndItResumes() throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    Path out = tmp.resolve("run");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        FruitsMain.class.getName(), "run", "-D", "model.dir=" + SharedData.models(), "--input", SharedData.fruits().resolve("Test").toString(),
        "--output", out.toString(), "--model", "squeezenet1.1");
    Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    StringBuilder log = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        log.append(line).append('\n');
        if (line.matches("\\[fruits\\] fruits-features: [1-9].*")) { // images done: the map task is in the engine's loop
          p.destroy(); // SIGTERM: the shutdown hooks run, as on Ctrl-C
          break;
        }
      }
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), log.toString());
    assertEquals(143, p.exitValue(), "ended by the signal, not by a crash (134) or the end of the run (0):\n" + log);
    try (var files = Files.list(cwd)) {
      assertEquals(List.of(), files.map(f -> f.getFileName().toString()).toList(), "no hs_err file of a crash");
    }
    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    PipelineRun resumed = PipelineRun.of(conf, "--input", SharedData.fruits().resolve("Test").toString(), "--output", out.toString(), "--model", "squeezenet1.1");
    assertEquals(0, resumed.exitCode, resumed.stderr);
  }
}
