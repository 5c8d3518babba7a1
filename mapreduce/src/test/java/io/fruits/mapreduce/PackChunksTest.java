package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fruits.core.ImageTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackChunksTest {
  @TempDir Path tmp;
  final Configuration conf = new Configuration();

  private ImageTree tree(int files, int bytes) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in/a"));
    for (int i = 0; i < files; i++) {
      Files.write(in.resolve(String.format("%02d.jpg", i)), new byte[bytes]);
    }
    return ImageTree.scan(conf, new org.apache.hadoop.fs.Path(tmp.resolve("in").toUri()), 1 << 20);
  }

  /** The ids of each chunk, chunk by chunk. */
  private List<List<String>> chunks(ImageTree tree, PackChunks.Rule rule) throws Exception {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(tmp.resolve("chunks").toUri());
    int n = PackChunks.write(conf, tree, rule, dir);
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> ids = new ArrayList<>();
      org.apache.hadoop.fs.Path chunk = PackChunks.name(dir, i);
      assertEquals(i, PackChunks.number(chunk));
      try (SequenceFile.Reader r = new SequenceFile.Reader(conf, SequenceFile.Reader.file(chunk))) {
        Text id = new Text();
        Text file = new Text();
        while (r.next(id, file)) {
          ids.add(id.toString());
        }
      }
      out.add(ids);
    }
    return out;
  }

  @Test
  void autoClosesAChunkOncePastTheTargetBytesAsTheDriverPackDoes() throws Exception {
    // 100-byte files, target 250: a chunk closes after its third file, as SequenceFilePacker's parts.
    ImageTree t = tree(7, 100);
    List<List<String>> c = chunks(t, PackChunks.Rule.of(t, 250, 0));
    assertEquals(List.of(List.of("a/00.jpg", "a/01.jpg", "a/02.jpg"), List.of("a/03.jpg", "a/04.jpg", "a/05.jpg"), List.of("a/06.jpg")), c);
  }

  @Test
  void aNumberOfTasksGivesChunksOfEqualFileCounts() throws Exception {
    ImageTree t = tree(10, 100);
    assertEquals(List.of(3, 3, 3, 1), chunks(t, PackChunks.Rule.of(t, 1 << 30, 4)).stream().map(List::size).toList());
    assertEquals(10, chunks(t, PackChunks.Rule.of(t, 1 << 30, 40)).size(), "never more chunks than files");
  }
}
