package io.fruits.mapreduce;

import io.fruits.core.Csv;
import io.fruits.core.ImageId;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;

/**
 * What the run being updated ({@code fruits run --update}) already computed, seen from one feature
 * task: the vector or reject of every image whose bytes did not change. Vectors are found by a
 * merge join: each part of the previous features holds a run of consecutive ids in id order, and a
 * task's ids ascend, so a task reads each previous part at most once, from where its ids begin.
 * Rejects are few (as in {@link io.fruits.core.CsvMerger#mergeRejects}) and are held in memory;
 * so are the ids to recompute (added or changed images: a day's uploads, not the collection).
 */
final class PreviousFeatures implements AutoCloseable {
  /** The features folder of the run being updated; unset in a normal run. */
  static final String DIR = "fruits.update.previous";
  /** A SequenceFile of the ids whose vector must be computed anew (Text keys). */
  static final String RECOMPUTE = "fruits.update.recompute";

  /** An image's earlier result: a vector, or the fields of its reject row. */
  record Result(String id, String label, float[] vector, List<String> reject) {}

  private final Configuration conf;
  private final Set<String> recompute;
  private final Map<String, List<String>> rejects;
  private final List<Part> parts;
  private int current = -1;
  private SequenceFile.Reader reader;
  private final Text key = new Text();
  private final FeatureVectorWritable value = new FeatureVectorWritable();
  private boolean positioned;

  private record Part(String firstId, Path path) {}

  private PreviousFeatures(Configuration conf, Set<String> recompute, Map<String, List<String>> rejects, List<Part> parts) {
    this.conf = conf;
    this.recompute = recompute;
    this.rejects = rejects;
    this.parts = parts;
  }

  /** The previous run's results for this task, or null when the job is not an update. */
  static PreviousFeatures open(Configuration conf) throws IOException {
    String dir = conf.get(DIR);
    if (dir == null) {
      return null;
    }
    Path features = new Path(dir);
    FileSystem fs = features.getFileSystem(conf);
    Set<String> recompute = new HashSet<>();
    Path ids = new Path(conf.get(RECOMPUTE));
    try (SequenceFile.Reader r = new SequenceFile.Reader(conf, SequenceFile.Reader.file(ids))) {
      Text id = new Text();
      while (r.next(id, NullWritable.get())) {
        recompute.add(id.toString());
      }
    }
    Map<String, List<String>> rejects = new HashMap<>();
    for (FileStatus f : list(fs, new Path(features, "rejects/part-*"))) {
      try (Csv.Records rows = Csv.records(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
        for (List<String> row : rows) {
          rejects.put(row.get(0), row);
        }
      }
    }
    List<Part> parts = new ArrayList<>();
    Text first = new Text();
    FeatureVectorWritable ignored = new FeatureVectorWritable();
    for (FileStatus f : list(fs, new Path(features, "part-m-*"))) {
      try (SequenceFile.Reader r = new SequenceFile.Reader(conf, SequenceFile.Reader.file(f.getPath()))) {
        if (r.next(first, ignored)) {
          parts.add(new Part(first.toString(), f.getPath()));
        }
      }
    }
    parts.sort((a, b) -> ImageId.BYTE_ORDER.compare(a.firstId(), b.firstId()));
    return new PreviousFeatures(conf, recompute, rejects, parts);
  }

  private static FileStatus[] list(FileSystem fs, Path glob) throws IOException {
    FileStatus[] found = fs.globStatus(glob);
    return found == null ? new FileStatus[0] : found;
  }

  /**
   * The earlier result of {@code id}, or null when it must be computed: added, changed, or (never
   * in a whole previous run) missing from it. Ids must come in ascending order.
   */
  Result find(String id, String label) throws IOException {
    if (recompute.contains(id)) {
      return null;
    }
    List<String> reject = rejects.get(id);
    if (reject != null) {
      return new Result(id, label, null, reject);
    }
    float[] vector = vector(id);
    return vector == null ? null : new Result(id, label, vector, null);
  }

  private float[] vector(String id) throws IOException {
    int part = partHolding(id);
    if (part < 0) {
      return null;
    }
    if (part != current || (positioned && ImageId.BYTE_ORDER.compare(key.toString(), id) > 0)) {
      openPart(part); // a later part, or (ids out of order) this part again from its start
    }
    while (positioned) {
      int c = ImageId.BYTE_ORDER.compare(key.toString(), id);
      if (c == 0) {
        return value.vector().clone();
      }
      if (c > 0) {
        return null;
      }
      positioned = reader.next(key, value);
    }
    return null;
  }

  /** The last part whose first id is at most {@code id}; -1 when {@code id} precedes them all. */
  private int partHolding(String id) {
    int lo = 0;
    int hi = parts.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (ImageId.BYTE_ORDER.compare(parts.get(mid).firstId(), id) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private void openPart(int part) throws IOException {
    close();
    reader = new SequenceFile.Reader(conf, SequenceFile.Reader.file(parts.get(part).path()));
    current = part;
    positioned = reader.next(key, value);
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }
}
