package io.fruits.mapreduce;

import io.fruits.core.Csv;
import io.fruits.core.ImageId;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;

/**
 * What changed between two packs of the same input, by their manifests ({@code id,label,bytes,sha256}):
 * ids added, ids whose bytes changed (SHA-256), ids removed. The earlier manifest is held in
 * memory (about 230 bytes an image, measured on the shared sample's manifest: 1M images ≈ 230 MB
 * in the driver); the README says what replaces this at 100M images.
 */
record ManifestDiff(TreeSet<String> added, TreeSet<String> changed, TreeSet<String> removed, long unchanged) {

  static ManifestDiff of(Configuration conf, Path before, Path after) throws IOException {
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
    removed.addAll(earlier.keySet());
    return new ManifestDiff(added, changed, removed, unchanged);
  }

  /**
   * Id to size and SHA-256. Files over the size limit have no checksum (the pack never reads them):
   * they are rejects either way, and one counts as changed only when its size changed.
   */
  private static Map<String, String> read(Configuration conf, Path manifest) throws IOException {
    Map<String, String> sha = new HashMap<>();
    FileSystem fs = manifest.getFileSystem(conf);
    try (Csv.Records rows = Csv.records(new InputStreamReader(fs.open(manifest), StandardCharsets.UTF_8))) {
      boolean header = true;
      for (List<String> row : rows) {
        if (!header) {
          sha.put(row.get(0), row.get(2) + "," + row.get(3));
        }
        header = false;
      }
    }
    return sha;
  }

  boolean none() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
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
    return String.format(java.util.Locale.ROOT, "%d added, %d changed, %d removed, %d unchanged", added.size(), changed.size(),
        removed.size(), unchanged);
  }
}
