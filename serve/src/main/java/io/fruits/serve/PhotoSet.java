package io.fruits.serve;

import io.fruits.core.Tsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Photos with the answers that count as right, for {@code fruits evaluate}: a folder described by
 * a manifest (tab-separated, a header naming at least {@code file}, {@code family} and
 * {@code fruits360_classes}, the classes {@code ;}-separated: right when the top class is any of
 * them), or a folder with one sub-folder per class (Fruits-360's layout: right when the top class
 * is the folder's name). A manifest that names a file the folder lacks is refused before any photo
 * is scored; files of the folder that it does not name are counted ({@code unlisted}), not scored.
 */
record PhotoSet(List<Photo> photos, int unlisted) {
  /** One photo, its family (the manifest's, or the class folder) and the classes that count as right. */
  record Photo(Path file, String family, Set<String> classes) {}

  static PhotoSet read(Path dir, Path manifest) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is not a folder; give --images a folder of photos");
    }
    return manifest == null ? byFolder(dir) : byManifest(dir, manifest);
  }

  private static PhotoSet byManifest(Path dir, Path manifest) throws IOException {
    List<Photo> photos = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Map<String, String> row : Tsv.read(manifest, "give --manifest a MANIFEST.tsv with file, family and fruits360_classes columns",
        "file", "family", "fruits360_classes")) {
      Path file = dir.resolve(row.get("file")).normalize();
      if (!Files.isRegularFile(file)) {
        missing.add(row.get("file"));
      }
      photos.add(new Photo(file, row.get("family"), new TreeSet<>(Arrays.asList(row.get("fruits360_classes").split(";")))));
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(manifest.getFileName() + " names " + missing.size() + " file(s) that " + dir.getFileName()
          + " does not hold, the first " + missing.get(0) + "; give --images the folder the manifest describes");
    }
    Set<Path> named = new HashSet<>();
    photos.forEach(p -> named.add(p.file()));
    int unlisted = (int) files(dir).stream().filter(f -> !named.contains(f.normalize())).count();
    return new PhotoSet(photos, unlisted);
  }

  private static PhotoSet byFolder(Path dir) throws IOException {
    List<Photo> photos = new ArrayList<>();
    for (Path p : files(dir)) {
      if (!dir.equals(p.getParent())) {
        String label = p.getParent().getFileName().toString();
        photos.add(new Photo(p, label, Set.of(label)));
      }
    }
    return new PhotoSet(photos, 0);
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
