package io.fruits.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an executor reads: every listed file comes out, with its bytes or why it has none. */
class ImageBytesReaderTest {
  @TempDir Path tmp;

  @Test
  void aFileGoneSinceTheListingComesOutWithItsReasonInItsPlace() throws Exception {
    Path kept = Files.write(tmp.resolve("a 12:30.jpg"), new byte[] {1, 2, 3});
    TreeMap<String, org.apache.hadoop.fs.Path> listed = new TreeMap<>();
    listed.put("Kiwi/a.jpg", new org.apache.hadoop.fs.Path(kept.toUri()));
    listed.put("Kiwi/b.jpg", new org.apache.hadoop.fs.Path(tmp.resolve("deleted.jpg").toUri()));
    List<ReadImage> read = new ArrayList<>();
    new ImageBytesReader(new Configuration()).call(ImageBytesReader.pairs(listed).iterator()).forEachRemaining(read::add);

    assertEquals(List.of("Kiwi/a.jpg", "Kiwi/b.jpg"), read.stream().map(ReadImage::id).toList());
    assertArrayEquals(new byte[] {1, 2, 3}, read.get(0).bytes());
    assertNull(read.get(0).unreadable());
    assertNull(read.get(1).bytes());
    assertTrue(read.get(1).unreadable().startsWith("listed but could not be read (FileNotFoundException: "), read.get(1).unreadable());
  }

  @Test
  void aFileLargerThanTheLimitIsNotReadWhole() throws Exception {
    TreeMap<String, org.apache.hadoop.fs.Path> listed = new TreeMap<>();
    listed.put("Kiwi/big.jpg", new org.apache.hadoop.fs.Path(Files.write(tmp.resolve("big.jpg"), new byte[5000]).toUri()));
    listed.put("Kiwi/small.jpg", new org.apache.hadoop.fs.Path(Files.write(tmp.resolve("small.jpg"), new byte[4000]).toUri()));
    Configuration conf = new Configuration();
    conf.setLong("pack.max.file.bytes", 4000);
    List<ReadImage> read = new ArrayList<>();
    new ImageBytesReader(conf).call(ImageBytesReader.pairs(listed).iterator()).forEachRemaining(read::add);

    assertNull(read.get(0).bytes());
    assertEquals("it grew past pack.max.file.bytes=4000 since it was listed; it was not read further", read.get(0).unreadable());
    assertEquals(4000, read.get(1).bytes().length, "the limit itself is allowed");
  }
}
