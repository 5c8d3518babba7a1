package io.fruits.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Photos with the answers that count as right, for {@code fruits evaluate}: a folder described by
 * a manifest (tab-separated, a header naming at least {@code file}, {@code family} and
 * {@code fruits360_classes}, the classes {@code ;}-separated: right when the top class is any of
 * them), or a folder with one sub-folder per class (Fruits-360's layout: right when the top class
 * is the folder's name).
 */
record PhotoSet(List<Photo> photos) {
  /** One photo, its family (the manifest's, or the class folder) and the classes that count as right. */
  record Photo(Path file, String family, Set<String> classes) {}

  static PhotoSet read(Path dir, Path manifest) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is not a folder; give --images a folder of photos");
    }
    return manifest == null ? byFolder(dir) : byManifest(dir, manifest);
  }

  private static PhotoSet byManifest(Path dir, Path manifest) throws IOException {
    if (!Files.isRegularFile(manifest)) {
      throw new IllegalArgumentException(manifest + " does not exist; give --manifest a MANIFEST.tsv");
    }
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    List<String> header = lines.isEmpty() ? List.of() : Arrays.asList(lines.get(0).split("\t", -1));
    int file = header.indexOf("file");
    int family = header.indexOf("family");
    int classes = header.indexOf("fruits360_classes");
    if (file < 0 || family < 0 || classes < 0) {
      throw new IllegalArgumentException(manifest + " has no file, family and fruits360_classes columns; give a MANIFEST.tsv with them");
    }
    List<Photo> photos = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < header.size()) {
        throw new IllegalArgumentException(manifest + " has a row with " + f.length + " of its " + header.size() + " columns: " + f[0]);
      }
      photos.add(new Photo(dir.resolve(f[file]), f[family], new TreeSet<>(Arrays.asList(f[classes].split(";")))));
    }
    return new PhotoSet(photos);
  }

  private static PhotoSet byFolder(Path dir) throws IOException {
    List<Photo> photos = new ArrayList<>();
    for (Path p : files(dir)) {
      if (!dir.equals(p.getParent())) {
        String label = p.getParent().getFileName().toString();
        photos.add(new Photo(p, label, Set.of(label)));
      }
    }
    return new PhotoSet(photos);
  }

  /** Every photo of a folder (non-fruit photos: nothing counts as right). */
  static List<Path> all(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is not a folder; give --non-fruit a folder of photos");
    }
    return files(dir);
  }

  /** The files below {@code dir} in path order, without hidden files and the folder's own .tsv lists. */
  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().endsWith(".tsv"))
          .sorted().toList();
    }
  }
}
