package io.fruits.mapreduce;

import java.io.IOException;
import java.io.InputStream;
import io.fruits.layout.AtomicFile;
import io.fruits.layout.RunLayout;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a run's output depends on (input, model descriptor and checksum, pipeline keys), saved in
 * {@code OUT/run.properties}. A re-run resumes only when its settings are the same, so an output
 * folder never mixes stages of different runs.
 */
public final class RunSettings {
  private final TreeMap<String, String> values = new TreeMap<>();

  RunSettings put(String key, String value) {
    values.put(key, value);
    return this;
  }

  static Path file(Path root) {
    return new Path(root, RunLayout.SETTINGS);
  }

  public void save(Configuration conf, Path root) throws IOException {
    Properties p = new Properties();
    p.putAll(values);
    // Atomic: a truncated run.properties would block every later run on this folder.
    AtomicFile.write(conf, file(root), out -> p.store(out, "Fruits! run settings; a re-run resumes only with the same settings"));
  }

  /** The settings saved in {@code root}, or null when there are none. */
  static TreeMap<String, String> load(Configuration conf, Path root) throws IOException {
    FileSystem fs = root.getFileSystem(conf);
    if (!fs.exists(file(root))) {
      return null;
    }
    Properties p = new Properties();
    try (InputStream in = fs.open(file(root))) {
      p.load(in);
    }
    TreeMap<String, String> m = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
    return m;
  }

  TreeMap<String, String> values() {
    return values;
  }
}
