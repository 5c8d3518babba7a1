package io.fruits.mapreduce;

import io.fruits.core.ImageTree;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;

/**
 * Cuts the input's listing into the pack job's chunks: runs of consecutive ids, one chunk a map task
 * and a SequenceFile. With {@code pack.map.tasks=auto} a chunk closes once it passes
 * {@code pack.target.bytes}, the driver pack's rule, so both write the same files; a number N
 * makes N chunks of equal file counts (a task's time goes with its files: one read each, and on S3
 * one request each), fewer only when there are fewer files.
 */
final class PackChunks {
  private PackChunks() {}

  /**
   * Where chunks close: after so many bytes (auto, and the driver's pack, which rolls its
   * SequenceFiles by this same rule) or so many files (a number of map tasks).
   */
  record Rule(long bytes, long files) {
    static Rule of(ImageTree tree, long targetBytes, int mapTasks) {
      if (mapTasks == 0) {
        return bySize(targetBytes);
      }
      long files = tree.files().size();
      return new Rule(Long.MAX_VALUE, Math.max(1, (files + mapTasks - 1) / mapTasks));
    }

    static Rule bySize(long targetBytes) {
      return new Rule(targetBytes, Long.MAX_VALUE);
    }

    /** True when a chunk holding {@code chunkBytes} in {@code chunkFiles} takes no more files. */
    boolean closes(long chunkBytes, long chunkFiles) {
      return chunkBytes >= bytes || chunkFiles >= files;
    }
  }

  /** Writes {@code dir/chunk-NNNNN.seq} (id to file URI, in id order) and returns how many. */
  static int write(Configuration conf, ImageTree tree, Rule rule, Path dir) throws IOException {
    int chunks = 0;
    long bytes = 0;
    long files = 0;
    SequenceFile.Writer writer = null;
    Text id = new Text();
    Text file = new Text();
    try {
      for (Map.Entry<String, org.apache.hadoop.fs.Path> e : tree.files().entrySet()) {
        if (writer == null || rule.closes(bytes, files)) {
          if (writer != null) {
            writer.close();
          }
          writer = SequenceFile.createWriter(conf, SequenceFile.Writer.file(name(dir, chunks++)),
              SequenceFile.Writer.keyClass(Text.class), SequenceFile.Writer.valueClass(Text.class));
          bytes = 0;
          files = 0;
        }
        id.set(e.getKey());
        file.set(e.getValue().toUri().toString());
        writer.append(id, file);
        bytes += tree.length(e.getKey());
        files++;
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
    return chunks;
  }

  static Path name(Path dir, int n) {
    return new Path(dir, String.format(java.util.Locale.ROOT, "chunk-%05d.seq", n));
  }

  /** The chunk number in a chunk file's name. */
  static int number(Path chunk) {
    String name = chunk.getName();
    return Integer.parseInt(name.substring("chunk-".length(), name.length() - ".seq".length()));
  }
}
