package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fruits.features.ModelDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsTest {
  @TempDir Path tmp;
  final Configuration conf = new Configuration();

  /** A run saved before model.int8 existed ran its int8 model the fast way: -D model.int8=fast resumes it. */
  @Test
  void aRunSavedBeforeModelInt8RanItsWeightsAsStored() throws Exception {
    RunSettings now = settings(Map.of("model.preset", "mobilenetv2"));
    assertEquals("exact", now.values().get("model.int8"));
    java.util.Properties old = new java.util.Properties();
    now.values().forEach(old::setProperty);
    old.remove("model.int8");
    try (var out = Files.newOutputStream(tmp.resolve(RunFiles.SETTINGS))) {
      old.store(out, null);
    }
    Map<String, String> saved = RunSettings.load(conf, new org.apache.hadoop.fs.Path(tmp.toUri()));
    assertEquals("model.int8 fast in the run, exact now", now.differencesFrom(saved));
    assertEquals(saved, settings(Map.of("model.preset", "mobilenetv2", "model.int8", "fast")).values());
  }

  @Test
  void theMessageNamesAtMostThreeDifferences() throws Exception {
    RunSettings now = settings(Map.of("model.preset", "mobilenetv2"));
    java.util.TreeMap<String, String> saved = new java.util.TreeMap<>(now.values());
    saved.put("input", "file:/elsewhere");
    saved.put("model.pooling", "max");
    saved.put("pca.k", "7");
    saved.put("pca.seed", "1");
    assertEquals("input file:/elsewhere in the run, file:/in now; model.pooling max in the run, avg now; pca.k 7 in the run, 0 now; ...",
        now.differencesFrom(saved));
  }

  private RunSettings settings(Map<String, String> keys) throws Exception {
    Path model = Files.writeString(tmp.resolve("model.onnx"), "weights");
    return RunSettings.of(conf, new org.apache.hadoop.fs.Path("file:/in"), ModelDescriptor.of(keys), model);
  }
}
