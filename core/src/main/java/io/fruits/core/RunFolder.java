package io.fruits.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A run's files by their {@link RunFiles} names: on a local disk ({@link #local}), or on any Hadoop
 * filesystem ({@link HadoopRunFolder}). Tools without Hadoop on their class path (classify) use the
 * local one; this interface names no Hadoop type, so loading it needs none.
 */
public interface RunFolder {
  boolean exists(String name) throws IOException;

  Reader open(String name) throws IOException;

  /** Replaces {@code name} with {@code text} at once: a reader sees the old file or the new one. */
  void write(String name, String text) throws IOException;

  /** The folder as a person writes it. */
  String display();

  /** A properties file of the run (e.g. {@code run.properties}) as a sorted map. */
  default java.util.TreeMap<String, String> properties(String name) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (Reader r = open(name)) {
      p.load(r);
    }
    java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
    return m;
  }

  /**
   * Refuses, in one line, a local run that this user may not write into ({@code writes}: what the
   * command puts there), before the command's minutes of work: before, classify and evaluate
   * failed with a stack trace only when they saved their results, which were lost.
   */
  static void requireWritable(Path root, String writes) {
    for (Path dir : new Path[] {root, root.resolve(RunFiles.REPORTS)}) {
      if (Files.isDirectory(dir) && !Files.isWritable(dir)) {
        throw new IllegalArgumentException("run " + root + " may not be written by this user, and " + writes
            + " go there; run the command as the run's owner or on a copy of the run");
      }
    }
  }

  static RunFolder local(Path root) {
    return new RunFolder() {
      @Override
      public boolean exists(String name) {
        return Files.isRegularFile(root.resolve(name));
      }

      @Override
      public Reader open(String name) throws IOException {
        return Files.newBufferedReader(root.resolve(name), StandardCharsets.UTF_8);
      }

      @Override
      public void write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("_" + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }

      @Override
      public String display() {
        return root.toAbsolutePath().toString();
      }
    };
  }
}
