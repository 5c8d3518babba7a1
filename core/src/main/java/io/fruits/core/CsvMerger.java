package io.fruits.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Concatenates a job's part files under one header: the one-file CSV for people next to the part
 * files for machines. Each part holds a run of consecutive ids, so ordering the parts by their
 * first id gives rows in id order, however many tasks wrote them (Hadoop numbers tasks by split
 * size, not by position). Written through {@link AtomicFile}, so a reader never sees half a file
 * and an interrupted merge leaves the previous file whole.
 */
public final class CsvMerger {
  private final Configuration conf;

  public CsvMerger(Configuration conf) {
    this.conf = conf;
  }

  /** Merges {@code dir/part-*} (none is fine: header only) into {@code target}. */
  public void merge(Path dir, String header, Path target) throws IOException {
    TreeMap<String, Path> parts = new TreeMap<>(ImageId.BYTE_ORDER);
    for (Path part : parts(dir)) {
      String first = firstId(part);
      if (first != null) {
        parts.put(first, part);
      }
    }
    AtomicFile.write(conf, target, out -> {
      out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
      for (Path part : parts.values()) {
        try (InputStream in = part.getFileSystem(conf).open(part)) {
          in.transferTo(out);
        }
      }
    });
  }

  /**
   * The rejects of a run in id order: those of the feature job's parts ({@code dir/part-*}) and
   * those of a CSV with a header ({@code extra}: files the pack never read). Rejects are few, so
   * they are sorted in memory.
   */
  public void mergeRejects(Path dir, Path extra, Path target) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (Path part : parts(dir)) {
      rows.addAll(read(part, false));
    }
    if (extra.getFileSystem(conf).exists(extra)) {
      rows.addAll(read(extra, true));
    }
    rows.sort((a, b) -> ImageId.BYTE_ORDER.compare(a.get(0), b.get(0)));
    StringBuilder text = new StringBuilder(CsvRows.REJECTS_HEADER).append('\n');
    for (List<String> r : rows) {
      text.append(CsvRows.reject(r.get(0), r.get(1), r.get(2), r.get(3))).append('\n');
    }
    AtomicFile.write(conf, target, text.toString());
  }

  private List<Path> parts(Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    List<Path> out = new ArrayList<>();
    for (FileStatus st : fs.exists(dir) ? fs.globStatus(new Path(dir, "part-*")) : new FileStatus[0]) {
      out.add(st.getPath());
    }
    return out;
  }

  private List<List<String>> read(Path file, boolean header) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Csv.Records records = open(file)) {
      Iterator<List<String>> it = records.iterator();
      if (header && it.hasNext()) {
        it.next();
      }
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** The id of the part's first row, or null for an empty part. */
  private String firstId(Path part) throws IOException {
    try (Csv.Records records = open(part)) {
      Iterator<List<String>> it = records.iterator();
      return it.hasNext() ? it.next().get(0) : null;
    }
  }

  private Csv.Records open(Path file) throws IOException {
    return Csv.records(new InputStreamReader(file.getFileSystem(conf).open(file), StandardCharsets.UTF_8));
  }

  /** {@code id,label,<prefix>1,...,<prefix>n}. */
  public static String header(String prefix, int n) {
    StringBuilder sb = new StringBuilder("id,label");
    for (int i = 1; i <= n; i++) {
      sb.append(',').append(prefix).append(i);
    }
    return sb.toString();
  }
}
