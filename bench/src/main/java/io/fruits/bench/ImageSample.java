package io.fruits.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A benchmark sample: images taken round-robin across class folders, so every class is present. */
final class ImageSample {
  private ImageSample() {}

  /** Copies up to {@code n} images from {@code from} to {@code to}, keeping relative paths. */
  static int copy(Path from, Path to, int n) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new IllegalArgumentException("input " + from + " is not a folder; point --input at the image tree");
    }
    deleteTree(to);
    return grow(from, to, n);
  }

  /**
   * Copies {@code n} more images from {@code from} that {@code to} does not hold yet, continuing the
   * same round-robin, and returns how many it found.
   */
  static int grow(Path from, Path to, int n) throws IOException {
    Map<Path, List<Path>> byFolder = new TreeMap<>();
    for (Path f : files(from)) {
      byFolder.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f);
    }
    int copied = 0;
    for (int round = 0; copied < n; round++) {
      boolean any = false;
      for (List<Path> inFolder : byFolder.values()) {
        if (round < inFolder.size() && copied < n) {
          any = true;
          Path f = inFolder.get(round);
          Path target = to.resolve(from.relativize(f).toString());
          if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
            copied++;
          }
        }
      }
      if (!any) {
        break;
      }
    }
    return copied;
  }

  /** Every regular, non-hidden file below {@code root}, in path order. */
  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (Files.exists(p)) {
      try (Stream<Path> all = Files.walk(p)) {
        for (Path q : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(q);
        }
      }
    }
  }
}
