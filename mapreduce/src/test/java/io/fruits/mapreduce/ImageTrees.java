package io.fruits.mapreduce;

import io.fruits.core.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Image folders for integration tests, copied from the shared sample into a temporary folder. */
public final class ImageTrees {
  private ImageTrees() {}

  /** The first {@code perClass} images of the first {@code classes} classes, in name order. */
  public static void copySubset(Path from, Path to, int classes, int perClass) throws IOException {
    try (Stream<Path> all = Files.list(from).sorted()) {
      for (Path c : all.limit(classes).toList()) {
        copyFirst(c, to.resolve(c.getFileName().toString()), perClass);
      }
    }
  }

  /** The first {@code n} files of folder {@code from}, in name order, into folder {@code to}. */
  public static void copyFirst(Path from, Path to, int n) throws IOException {
    Path target = Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from).sorted()) {
      for (Path f : files.filter(Files::isRegularFile).limit(n).toList()) {
        Files.copy(f, target.resolve(f.getFileName().toString()));
      }
    }
  }

  public static Path firstFile(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir).sorted()) {
      return files.findFirst().orElseThrow();
    }
  }

  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  /** The rows of a CSV with a header line, parsed. */
  public static List<List<String>> rows(Path csv) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Csv.Records records = Csv.records(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
      records.forEach(rows::add);
    }
    return rows.subList(1, rows.size());
  }
}
