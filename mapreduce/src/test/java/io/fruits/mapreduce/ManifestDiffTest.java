package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestDiffTest {
  @TempDir Path tmp;
  final Configuration conf = new Configuration();

  private org.apache.hadoop.fs.Path manifest(String name, String rows) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, "id,label,bytes,sha256\n" + rows);
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  private org.apache.hadoop.fs.Path rejects(String rows) throws Exception {
    Path p = tmp.resolve("rejects-" + System.nanoTime() + ".csv");
    Files.writeString(p, "id,label,reason,detail\n" + rows);
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  @Test
  void sortsIdsIntoAddedChangedRemovedAndUnchanged() throws Exception {
    ManifestDiff d = ManifestDiff.of(conf,
        manifest("before.csv", "a/1.jpg,a,10,aa\na/2.jpg,a,10,bb\nb/3.jpg,b,10,cc\n\"b/4,x.jpg\",b,10,dd\nbig.jpg,.,999,\n"),
        manifest("after.csv", "a/1.jpg,a,10,aa\na/2.jpg,a,11,b2\n\"b/4,x.jpg\",b,10,dd\nc/5.jpg,c,10,ee\nbig.jpg,.,999,\n"),
        rejects(""));
    assertEquals(Set.of("c/5.jpg"), d.added());
    assertEquals(Set.of("a/2.jpg"), d.changed());
    assertEquals(Set.of("b/3.jpg"), d.removed());
    assertEquals(3, d.unchanged(), "a/1.jpg, the quoted id, and the too-large file of the same size");
    assertEquals(Set.of(), d.unreadable());
    assertEquals("1 added, 1 changed, 1 removed, 0 now unreadable, 3 unchanged", d.line());

    org.apache.hadoop.fs.Path ids = new org.apache.hadoop.fs.Path(tmp.resolve("ids.seq").toUri());
    d.writeRecompute(conf, ids);
    List<String> read = new ArrayList<>();
    try (SequenceFile.Reader r = new SequenceFile.Reader(conf, SequenceFile.Reader.file(ids))) {
      Text id = new Text();
      while (r.next(id, NullWritable.get())) {
        read.add(id.toString());
      }
    }
    assertEquals(List.of("c/5.jpg", "a/2.jpg"), read);
  }

  @Test
  void theSameManifestIsNoChange() throws Exception {
    String rows = "a/1.jpg,a,10,aa\nbig.jpg,.,999,\n";
    ManifestDiff d = ManifestDiff.of(conf, manifest("x.csv", rows), manifest("y.csv", rows), rejects(""));
    assertTrue(d.none());
    assertEquals(2, d.unchanged());
  }

  @Test
  void aFileTheLaterPackCouldNotReadIsNowUnreadableNotRemoved() throws Exception {
    ManifestDiff d = ManifestDiff.of(conf, manifest("before.csv", "a/1.jpg,a,10,aa\na/2.jpg,a,10,bb\nb/3.jpg,b,10,cc\n"),
        manifest("after.csv", "a/1.jpg,a,10,aa\n"),
        rejects("a/2.jpg,a,unreadable,Permission denied\nc/9.jpg,c,unreadable,was never packed\nb/3.jpg,b,too-large,x\n"));
    assertEquals(Set.of("a/2.jpg"), d.unreadable());
    assertEquals(Set.of("b/3.jpg"), d.removed(), "only an unreadable reject is a file still there");
    assertFalse(d.none());
    assertEquals("0 added, 0 changed, 1 removed, 1 now unreadable, 1 unchanged", d.line());
  }
}
