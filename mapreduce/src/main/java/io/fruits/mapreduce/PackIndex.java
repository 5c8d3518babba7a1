package io.fruits.mapreduce;

import io.fruits.core.Csv;
import io.fruits.core.CsvRows;
import io.fruits.core.ImageId;
import io.fruits.core.ImageTree;
import io.fruits.core.RunLayout;
import io.fruits.features.RejectReason;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files beside a pack's SequenceFiles, written the same way whoever read the images (the
 * driver or the pack job): {@code manifest.csv} from the packed files given in id order, then the
 * files over the size limit; {@code skipped.csv}, the pack's {@code rejects.csv} (files over the
 * limit, files listed but unreadable), {@code duplicates.csv} (an id whose bytes an earlier id
 * had), and {@code _SUCCESS} last.
 */
final class PackIndex implements Closeable {
  private final FileSystem fs;
  private final Path dir;
  private final Writer manifest;
  private final Map<String, String> firstBySha = new HashMap<>();
  private final List<String> duplicates = new ArrayList<>();
  private final TreeMap<String, String> unreadable = new TreeMap<>(ImageId.BYTE_ORDER);

  PackIndex(FileSystem fs, Path dir) throws IOException {
    this.fs = fs;
    this.dir = dir;
    this.manifest = new OutputStreamWriter(fs.create(RunLayout.manifestIn(dir)), StandardCharsets.UTF_8);
    manifest.write("id,label,bytes,sha256\n");
  }

  /** One packed file; ids must come in id order. */
  void add(String id, long bytes, String sha256) throws IOException {
    String first = firstBySha.putIfAbsent(sha256, id);
    if (first != null) {
      duplicates.add(Csv.field(id) + "," + Csv.field(first) + "," + sha256);
    }
    manifest.write(Csv.field(id) + "," + Csv.field(ImageId.labelOf(id)) + "," + bytes + "," + sha256 + "\n");
  }

  /**
   * A listed file that could not be read ({@link io.fruits.core.ImageFiles#readInto}): a reject,
   * and not in the manifest, so that an update reads it again.
   */
  void unreadable(String id, String detail) {
    unreadable.put(id, detail);
  }

  /** What the pack did, once every file was added or found unreadable. */
  PackSummary summary(ImageTree tree, long bytes, int sequenceFiles) {
    return new PackSummary(tree.files().size() - unreadable.size(), bytes, tree.skipped().size(), tree.tooLarge().size(),
        unreadable.size(), duplicates.size(), sequenceFiles);
  }

  /** Lists what the tree set aside, writes the other files and marks the pack complete. */
  void finish(ImageTree tree) throws IOException {
    // Files over the limit are inputs too (each is a reject of the run), but were never read: no checksum.
    for (var e : tree.tooLarge().entrySet()) {
      manifest.write(Csv.field(e.getKey()) + "," + Csv.field(ImageId.labelOf(e.getKey())) + "," + e.getValue() + ",\n");
    }
    manifest.close();
    try (Writer skipped = writer(RunLayout.skippedIn(dir))) {
      skipped.write("id,reason\n");
      for (var e : tree.skipped().entrySet()) {
        skipped.write(Csv.field(e.getKey()) + "," + e.getValue() + "\n");
      }
    }
    try (Writer rejects = writer(RunLayout.packRejectsIn(dir))) {
      rejects.write(CsvRows.REJECTS_HEADER + "\n");
      for (String id : tree.tooLarge().keySet()) {
        rejects.write(CsvRows.reject(id, ImageId.labelOf(id), RejectReason.TOO_LARGE.word(), tree.tooLargeDetail(id)) + "\n");
      }
      for (var e : unreadable.entrySet()) {
        rejects.write(CsvRows.reject(e.getKey(), ImageId.labelOf(e.getKey()), RejectReason.UNREADABLE.word(), e.getValue()) + "\n");
      }
    }
    // Duplicates are kept (each id gets its vector) and reported, so nothing is silently dropped.
    try (Writer dup = writer(RunLayout.duplicatesIn(dir))) {
      dup.write("id,duplicate_of,sha256\n");
      for (String line : duplicates) {
        dup.write(line + "\n");
      }
    }
    fs.create(new Path(dir, RunLayout.SUCCESS)).close();
  }

  private Writer writer(Path file) throws IOException {
    return new OutputStreamWriter(fs.create(file), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    manifest.close();
  }
}
