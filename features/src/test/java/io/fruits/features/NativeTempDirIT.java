package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task JVMs must not leave an ONNX Runtime extraction folder behind each. */
class NativeTempDirIT {
  @TempDir Path tmp;

  @Test
  void threeJvmsLeaveNoOnnxRuntimeFolders() throws Exception {
    Path model = SharedData.models().resolve("squeezenet1.1-features.onnx");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < 3; i++) {
      Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
          LoadOnce.class.getName(), model.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), out);
      assertEquals("512", out.strip().lines().reduce((a, b) -> b).orElse(""), out);
    }
    try (Stream<Path> left = Files.list(tmp)) {
      List<String> names = left.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("onnxruntime-java")).toList();
      assertEquals(List.of(), names);
    }
  }
}
