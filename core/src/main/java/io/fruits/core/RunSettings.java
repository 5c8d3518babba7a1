package io.fruits.core;

import io.fruits.features.ModelDescriptor;
import io.fruits.features.ModelKey;
import io.fruits.features.Sha256;
import java.io.IOException;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * What a run's output depends on (input, model descriptor and checksum, pipeline keys), saved in
 * {@code OUT/run.properties}. A re-run resumes only when its settings are the same, so an output
 * folder never mixes stages of different runs.
 */
public final class RunSettings {

  private final TreeMap<String, String> values = new TreeMap<>();

  /** What a run's output depends on, saved as its {@code run.properties}; both editions write it. */
  public static RunSettings of(Configuration conf, Path input, ModelDescriptor d, java.nio.file.Path modelFile) throws IOException {
    RunSettings s = new RunSettings().put("input", input.toString());
    s.values.putAll(modelKeys(d, modelFile));
    for (FruitsConfigKeys k : FruitsConfigKeys.values()) {
      if (k != FruitsConfigKeys.ENGINE_THREADS && k != FruitsConfigKeys.MODEL_LOCALIZED && k != FruitsConfigKeys.BATCH_SIZE) {
        s.put(k.key(), k.get(conf));
      }
    }
    return s;
  }

  /**
   * The keys a model's outputs depend on: its {@code model.*} settings and its file's checksum. Where
   * the file was found does not change the output, its checksum does; so a run, and the ImageNet
   * classifier {@code classify} saves beside one, leave out the keys that locate it.
   */
  public static TreeMap<String, String> modelKeys(ModelDescriptor d, java.nio.file.Path modelFile) throws IOException {
    TreeMap<String, String> keys = new TreeMap<>();
    for (ModelKey k : ModelKey.values()) {
      if (!k.locatesFile()) {
        keys.put(k.key(), d.get(k));
      }
    }
    keys.put(RunFiles.MODEL_SHA256, Sha256.of(modelFile));
    return keys;
  }

  public RunSettings put(String key, String value) {
    values.put(key, value);
    return this;
  }

  public static Path file(Path root) {
    return new Path(root, RunLayout.SETTINGS);
  }

  public void save(Configuration conf, Path root) throws IOException {
    Properties p = new Properties();
    p.putAll(values);
    // Atomic: a truncated run.properties would block every later run on this folder.
    AtomicFile.write(conf, file(root), out -> p.store(out, "Fruits! run settings; a re-run resumes only with the same settings"));
  }

  /**
   * The settings saved in {@code root}, or null when there are none; a run saved before
   * {@code model.int8} existed resumes and updates with {@code -D model.int8=fast}
   * ({@link ModelDescriptor#asSaved}).
   */
  public static TreeMap<String, String> load(Configuration conf, Path root) throws IOException {
    RunFolder run = new HadoopRunFolder(conf, new RunLayout(root));
    return run.exists(RunLayout.SETTINGS) ? ModelDescriptor.asSaved(run.properties(RunLayout.SETTINGS)) : null;
  }

  /** What differs between a saved run's settings and these, for the message that refuses them: at most three keys. */
  public String differencesFrom(java.util.Map<String, String> saved) {
    java.util.TreeSet<String> keys = new java.util.TreeSet<>(saved.keySet());
    keys.addAll(values.keySet());
    java.util.List<String> differences = keys.stream().filter(k -> !java.util.Objects.equals(saved.get(k), values.get(k)))
        .map(k -> k + " " + saved.getOrDefault(k, "(none)") + " in the run, " + values.getOrDefault(k, "(none)") + " now").toList();
    return String.join("; ", differences.subList(0, Math.min(3, differences.size()))) + (differences.size() > 3 ? "; ..." : "");
  }

  public TreeMap<String, String> values() {
    return values;
  }
}
