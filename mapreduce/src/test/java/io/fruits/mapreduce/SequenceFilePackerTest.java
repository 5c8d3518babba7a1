package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.Csv;
import io.fruits.core.ImageTree;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceFilePackerTest {
  @TempDir Path tmp;
  private final Configuration conf = new Configuration();

  /** A tree of real PNGs in two classes, one nested deeper, plus hidden files. */
  private Path tree() throws Exception {
    Path in = tmp.resolve("in");
    for (String id : List.of("Training/Apple 6/a.png", "Training/Apple 6/b.png", "Training/Kiwi/c d.png", "Test/Kiwi/deep/e.png")) {
      Path f = in.resolve(id);
      Files.createDirectories(f.getParent());
      BufferedImage img = new BufferedImage(20 + id.length(), 10, BufferedImage.TYPE_INT_RGB);
      img.setRGB(1, 1, id.hashCode());
      ImageIO.write(img, "png", f.toFile());
    }
    Files.writeString(in.resolve("Training/Apple 6/.DS_Store"), "finder junk");
    Files.createDirectories(in.resolve(".git"));
    Files.writeString(in.resolve(".git/config"), "x");
    return in;
  }

  private static Map<String, byte[]> read(Path packed) throws Exception {
    Map<String, byte[]> records = new LinkedHashMap<>();
    File[] parts = packed.toFile().listFiles((dir, name) -> name.endsWith(".seq"));
    java.util.Arrays.sort(parts);
    for (File part : parts) {
      try (SequenceFile.Reader r = new SequenceFile.Reader(new Configuration(), SequenceFile.Reader.file(new org.apache.hadoop.fs.Path(part.toURI())))) {
        assertEquals(SequenceFile.CompressionType.BLOCK, r.getCompressionType());
        Text key = new Text();
        BytesWritable value = new BytesWritable();
        while (r.next(key, value)) {
          records.put(key.toString(), value.copyBytes());
        }
      }
    }
    return records;
  }

  @Test
  void packsEveryVisibleFileInIdOrderWithOriginalBytes() throws Exception {
    Path in = tree();
    Path packed = tmp.resolve("out/packed");
    PackSummary s = new SequenceFilePacker(conf, 1L << 20, ImageTree.DEFAULT_MAX_FILE_BYTES).pack(new org.apache.hadoop.fs.Path(in.toUri()), new org.apache.hadoop.fs.Path(packed.toUri()));
    assertEquals(4, s.files());
    assertEquals(2, s.skipped());
    Map<String, byte[]> records = read(packed);
    assertEquals(List.of("Test/Kiwi/deep/e.png", "Training/Apple 6/a.png", "Training/Apple 6/b.png", "Training/Kiwi/c d.png"),
        new ArrayList<>(records.keySet()));
    for (var e : records.entrySet()) {
      assertArrayEquals(Files.readAllBytes(in.resolve(e.getKey())), e.getValue(), e.getKey());
    }
    assertTrue(Files.exists(packed.resolve("_SUCCESS")));
  }

  @Test
  void namesThatHadoopPathsCannotParseArePackedToo() throws Exception {
    Path in = tmp.resolve("in");
    // A colon once failed the whole run: the local filesystem's checksum layer could not name the
    // checksum file of "12:30.jpg".
    List<String> ids = List.of("Kiwi/12:30.png", "Kiwi/#1 %41 ?x.png", "Kiwi/[a]{b}*.png", "Kiwi/tab\tback\\slash.png",
        "Kiwi/new\nline.png", "Kiwi:Gold/\u00e9.png");
    for (String id : ids) {
      Path f = in.resolve(id);
      Files.createDirectories(f.getParent());
      ImageIO.write(new BufferedImage(10 + id.length(), 10, BufferedImage.TYPE_INT_RGB), "png", f.toFile());
    }
    Path packed = tmp.resolve("packed");
    PackSummary s = new SequenceFilePacker(conf, 1L << 20, ImageTree.DEFAULT_MAX_FILE_BYTES).pack(new org.apache.hadoop.fs.Path(in.toUri()), new org.apache.hadoop.fs.Path(packed.toUri()));
    assertEquals(ids.size(), s.files());
    Map<String, byte[]> records = read(packed);
    assertEquals(ids.stream().sorted(io.fruits.core.ImageId.BYTE_ORDER).toList(), new ArrayList<>(records.keySet()));
    for (var e : records.entrySet()) {
      assertArrayEquals(Files.readAllBytes(in.resolve(e.getKey())), e.getValue(), e.getKey());
    }
  }

  @Test
  void manifestListsIdLabelSizeAndSha256() throws Exception {
    Path in = tree();
    Path packed = tmp.resolve("packed");
    new SequenceFilePacker(conf, 1L << 20, ImageTree.DEFAULT_MAX_FILE_BYTES).pack(new org.apache.hadoop.fs.Path(in.toUri()), new org.apache.hadoop.fs.Path(packed.toUri()));
    List<String> lines = Files.readAllLines(packed.resolve("manifest.csv"), StandardCharsets.UTF_8);
    assertEquals("id,label,bytes,sha256", lines.get(0));
    assertEquals(5, lines.size());
    List<String> row = Csv.parse(lines.get(4));
    byte[] bytes = Files.readAllBytes(in.resolve("Training/Kiwi/c d.png"));
    assertEquals(List.of("Training/Kiwi/c d.png", "Kiwi", Integer.toString(bytes.length),
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))), row);
    List<String> skipped = Files.readAllLines(packed.resolve("skipped.csv"));
    assertEquals(List.of("id,reason", ".git/config,hidden", "Training/Apple 6/.DS_Store,hidden"), skipped);
  }

  @Test
  void splitsIntoFilesNearTheTargetSize() throws Exception {
    Path in = tree();
    Path packed = tmp.resolve("packed");
    PackSummary s = new SequenceFilePacker(conf, 1, ImageTree.DEFAULT_MAX_FILE_BYTES).pack(new org.apache.hadoop.fs.Path(in.toUri()), new org.apache.hadoop.fs.Path(packed.toUri()));
    assertEquals(4, s.sequenceFiles(), "a 1-byte target puts each image in its own file");
    assertEquals(4, read(packed).size());
  }

  @Test
  void missingOrEmptyInputFailsWithOneLine() throws Exception {
    SequenceFilePacker packer = new SequenceFilePacker(conf, 1, ImageTree.DEFAULT_MAX_FILE_BYTES);
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(tmp.resolve("p").toUri());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> packer.pack(new org.apache.hadoop.fs.Path(tmp.resolve("nope").toUri()), out));
    assertTrue(e.getMessage().endsWith("is not a folder; point --input at the image tree (one folder per class)"), e.getMessage());
    Files.createDirectories(tmp.resolve("empty/.hidden"));
    e = assertThrows(IllegalArgumentException.class,
        () -> packer.pack(new org.apache.hadoop.fs.Path(tmp.resolve("empty").toUri()), out));
    assertTrue(e.getMessage().endsWith("holds no files; point --input at the image tree (one folder per class)"), e.getMessage());
  }

  @Test
  void filesOverTheLimitAreListedAsRejectsWithoutBeingRead() throws Exception {
    Path in = tree();
    long limit = 0;
    try (var files = Files.walk(in)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        limit = Math.max(limit, Files.size(f));
      }
    }
    long big = limit + 1;
    Files.write(in.resolve("Training/Kiwi/huge.png"), new byte[(int) big]);
    Path packed = tmp.resolve("packed");
    PackSummary s = new SequenceFilePacker(conf, 1L << 20, limit)
        .pack(new org.apache.hadoop.fs.Path(in.toUri()), new org.apache.hadoop.fs.Path(packed.toUri()));
    assertEquals(1, s.tooLarge());
    assertEquals(4, s.files());
    assertFalse(read(packed).containsKey("Training/Kiwi/huge.png"));
    List<String> rejects = Files.readAllLines(packed.resolve("rejects.csv"));
    assertEquals(List.of("id,label,reason,detail",
        "Training/Kiwi/huge.png,Kiwi,too-large," + big + " bytes exceeds pack.max.file.bytes=" + limit), rejects);
    assertTrue(Files.readString(packed.resolve("manifest.csv")).contains("Training/Kiwi/huge.png,Kiwi," + big + ",\n"),
        "the manifest lists every input, unread ones without a checksum");
  }

  @Test
  void aFileGoneBetweenTheListingAndTheReadIsARejectNotAFailedPack() throws Exception {
    Path in = tree();
    ImageTree listed = ImageTree.scan(conf, new org.apache.hadoop.fs.Path(in.toUri()), ImageTree.DEFAULT_MAX_FILE_BYTES);
    Files.delete(in.resolve("Training/Apple 6/b.png"));
    Path packed = tmp.resolve("packed");
    PackSummary s = new SequenceFilePacker(conf, 1L << 20, ImageTree.DEFAULT_MAX_FILE_BYTES)
        .pack(listed, new org.apache.hadoop.fs.Path(packed.toUri()));
    assertEquals(3, s.files());
    assertEquals(1, s.unreadable());
    assertEquals(List.of("Test/Kiwi/deep/e.png", "Training/Apple 6/a.png", "Training/Kiwi/c d.png"), new ArrayList<>(read(packed).keySet()));
    List<String> rejects = Files.readAllLines(packed.resolve("rejects.csv"));
    assertEquals(2, rejects.size(), rejects.toString());
    List<String> row = Csv.parse(rejects.get(1));
    assertEquals(List.of("Training/Apple 6/b.png", "Apple 6", "unreadable"), row.subList(0, 3));
    assertTrue(row.get(3).startsWith("listed but could not be read (FileNotFoundException: "), row.get(3));
    assertFalse(Files.readString(packed.resolve("manifest.csv")).contains("b.png"),
        "not in the manifest, so that an update reads it again");
    assertTrue(Files.exists(packed.resolve("_SUCCESS")));
  }

  @Test
  void aFileThatGrewPastTheLimitSinceTheListingIsNotReadWhole() throws Exception {
    Path in = tree();
    long limit = 10_000;
    ImageTree listed = ImageTree.scan(conf, new org.apache.hadoop.fs.Path(in.toUri()), limit);
    Files.write(in.resolve("Training/Kiwi/c d.png"), new byte[200_000]); // still being copied in when listed
    Path packed = tmp.resolve("packed");
    PackSummary s = new SequenceFilePacker(conf, 1L << 20, limit).pack(listed, new org.apache.hadoop.fs.Path(packed.toUri()));
    assertEquals(3, s.files());
    assertEquals(1, s.unreadable());
    assertFalse(read(packed).containsKey("Training/Kiwi/c d.png"));
    assertEquals(List.of("Training/Kiwi/c d.png", "Kiwi", "unreadable",
        "it grew past pack.max.file.bytes=10000 since it was listed; it was not read further"),
        Csv.parse(Files.readAllLines(packed.resolve("rejects.csv")).get(1)));
  }

  @Test
  void linksAreNeverFollowedAndSpecialFilesNeverOpened() throws Exception {
    Path in = tree();
    Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.write(outside.resolve("secret.png"), new byte[] {1, 2, 3});
    Files.createSymbolicLink(in.resolve("Training/loop"), in.resolve("Training")); // a link loop
    Files.createSymbolicLink(in.resolve("Training/Kiwi/out"), outside); // a way out of the input
    Files.createSymbolicLink(in.resolve("Training/Kiwi/alias.png"), in.resolve("Training/Kiwi/c d.png"));
    Process mkfifo = new ProcessBuilder("mkfifo", in.resolve("Training/Kiwi/pipe.png").toString()).start();
    assertEquals(0, mkfifo.waitFor());
    Path packed = tmp.resolve("packed");
    long start = System.nanoTime();
    PackSummary s = new SequenceFilePacker(conf, 1L << 20, ImageTree.DEFAULT_MAX_FILE_BYTES)
        .pack(new org.apache.hadoop.fs.Path(in.toUri()), new org.apache.hadoop.fs.Path(packed.toUri()));
    assertTrue(System.nanoTime() - start < 30_000_000_000L, "bounded time");
    assertEquals(4, s.files(), "only the tree's own regular files are packed");
    assertEquals(List.of("id,reason", ".git/config,hidden", "Training/Apple 6/.DS_Store,hidden", "Training/Kiwi/alias.png,symlink",
        "Training/Kiwi/out,symlink", "Training/Kiwi/pipe.png,not-a-file", "Training/loop,symlink"),
        Files.readAllLines(packed.resolve("skipped.csv")));
  }
}
