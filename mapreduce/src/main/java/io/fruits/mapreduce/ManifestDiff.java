package io.fruits.mapreduce;

import io.fruits.core.Csv;
import io.fruits.core.ImageId;
import io.fruits.features.RejectReason;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;

/**
 * What changed between two packs of the same input, by their manifests ({@code id,label,bytes,sha256}):
 * ids added, ids whose bytes changed (SHA-256), ids removed, and ids still listed but no longer
 * readable (the later pack's rejects; apart from removed ones, so that a file the update could not
 * read is not reported as gone: it is a reject of the updated run). The earlier manifest is held in
 * memory (about 230 bytes an image, measured on the shared sample's manifest: 1M images ≈ 230 MB
 * in the driver); the README says what replaces this at 100M images.
 */
record ManifestDiff(TreeSet<String> added, TreeSet<String> changed, TreeSet<String> removed, TreeSet<String> unreadable,
    long unchanged) {

  /** {@code packRejects} is the later pack's {@code rejects.csv}: its unreadable ids are not removed ones. */
  static ManifestDiff of(Configuration conf, Path before, Path after, Path packRejects) throws IOException {
    Map<String, String> earlier = read(conf, before);
    TreeSet<String> added = new TreeSet<>(ImageId.BYTE_ORDER);
    TreeSet<String> changed = new TreeSet<>(ImageId.BYTE_ORDER);
    long unchanged = 0;
    for (Map.Entry<String, String> e : read(conf, after).entrySet()) {
      String was = earlier.remove(e.getKey());
      if (was == null) {
        added.add(e.getKey());
      } else if (!was.equals(e.getValue())) {
        changed.add(e.getKey());
      } else {
        unchanged++;
      }
    }
    TreeSet<String> removed = new TreeSet<>(ImageId.BYTE_ORDER);
    TreeSet<String> unreadable = new TreeSet<>(ImageId.BYTE_ORDER);
    Set<String> rejected = unreadableIds(conf, packRejects);
    for (String id : earlier.keySet()) {
      (rejected.contains(id) ? unreadable : removed).add(id);
    }
    return new ManifestDiff(added, changed, removed, unreadable, unchanged);
  }

  private static Set<String> unreadableIds(Configuration conf, Path packRejects) throws IOException {
    Set<String> ids = new HashSet<>();
    eachRow(conf, packRejects, row -> {
      if (row.get(2).equals(RejectReason.UNREADABLE.word())) {
        ids.add(row.get(0));
      }
    });
    return ids;
  }

  /**
   * Id to size and SHA-256. Files over the size limit have no checksum (the pack never reads them):
   * they are rejects either way, and one counts as changed only when its size changed.
   */
  private static Map<String, String> read(Configuration conf, Path manifest) throws IOException {
    Map<String, String> sha = new HashMap<>();
    eachRow(conf, manifest, row -> sha.put(row.get(0), row.get(2) + "," + row.get(3)));
    return sha;
  }

  /** Calls {@code action} on each row of a CSV after its header. */
  private static void eachRow(Configuration conf, Path csv, Consumer<List<String>> action) throws IOException {
    FileSystem fs = csv.getFileSystem(conf);
    try (Csv.Records rows = Csv.records(new InputStreamReader(fs.open(csv), StandardCharsets.UTF_8))) {
      boolean header = true;
      for (List<String> row : rows) {
        if (!header) {
          action.accept(row);
        }
        header = false;
      }
    }
  }

  boolean none() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && unreadable.isEmpty();
  }

  /** Writes the ids the feature job must compute anew (added and changed) for {@link PreviousFeatures}. */
  void writeRecompute(Configuration conf, Path file) throws IOException {
    try (SequenceFile.Writer w = SequenceFile.createWriter(conf, SequenceFile.Writer.file(file),
        SequenceFile.Writer.keyClass(Text.class), SequenceFile.Writer.valueClass(NullWritable.class))) {
      Text id = new Text();
      for (String s : added) {
        id.set(s);
        w.append(id, NullWritable.get());
      }
      for (String s : changed) {
        id.set(s);
        w.append(id, NullWritable.get());
      }
    }
  }

  String line() {
    return String.format(java.util.Locale.ROOT, "%d added, %d changed, %d removed, %d now unreadable, %d unchanged",
        added.size(), changed.size(), removed.size(), unreadable.size(), unchanged);
  }
}
