package io.fruits.mapreduce;

import io.fruits.core.Csv;
import io.fruits.core.CsvRows;
import io.fruits.core.ImageId;
import io.fruits.core.ImageTree;
import io.fruits.core.RunLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.DefaultCodec;

/**
 * Packs a folder of images into block-compressed SequenceFiles (key: the {@link ImageId}, value:
 * the encoded bytes untouched), so MapReduce reads a few large splittable files instead of
 * thousands of small ones. Files are taken in id order, so the same tree always packs to the same
 * files; a new file is started once the current one passes the target size. Every file is listed
 * in a manifest with its SHA-256; files with the same content are kept and listed in
 * {@code duplicates.csv}. {@code _SUCCESS} is written last, so a half-written pack is never
 * taken for a complete one; no rename is involved, since on object stores a folder rename is a
 * non-atomic copy.
 */
public final class SequenceFilePacker {
  private final Configuration conf;
  private final long targetBytes;
  private final long maxFileBytes;

  public SequenceFilePacker(Configuration conf, long targetBytes, long maxFileBytes) {
    if (targetBytes < 1) {
      throw new IllegalArgumentException("pack.target.bytes must be positive");
    }
    this.conf = conf;
    this.targetBytes = targetBytes;
    this.maxFileBytes = maxFileBytes;
  }

  public PackSummary pack(Path input, Path packedDir) throws IOException {
    ImageTree tree = ImageTree.scan(conf, input, maxFileBytes);
    FileSystem outFs = packedDir.getFileSystem(conf);
    outFs.delete(packedDir, true);
    outFs.mkdirs(packedDir);
    return write(tree, outFs, packedDir);
  }

  private PackSummary write(ImageTree tree, FileSystem outFs, Path dir) throws IOException {
    FileSystem inFs = tree.fileSystem();
    TreeMap<String, Path> files = tree.files();
    long bytes = 0;
    int part = 0;
    long partBytes = 0;
    SequenceFile.Writer writer = null;
    Text key = new Text();
    BytesWritable value = new BytesWritable();
    ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
    MessageDigest sha = sha256();
    Map<String, String> firstBySha = new HashMap<>();
    List<String> duplicates = new ArrayList<>();
    try (Writer manifest = new OutputStreamWriter(outFs.create(RunLayout.manifestIn(dir)), StandardCharsets.UTF_8)) {
      manifest.write("id,label,bytes,sha256\n");
      for (var e : files.entrySet()) {
        if (writer == null || partBytes >= targetBytes) {
          if (writer != null) {
            writer.close();
          }
          writer = newWriter(RunLayout.packPart(dir, part++));
          partBytes = 0;
        }
        buf.reset();
        try (InputStream in = inFs.open(e.getValue())) {
          in.transferTo(buf);
        }
        byte[] data = buf.toByteArray();
        key.set(e.getKey());
        value.set(data, 0, data.length);
        writer.append(key, value);
        partBytes += data.length;
        bytes += data.length;
        String digest = HexFormat.of().formatHex(sha.digest(data));
        String first = firstBySha.putIfAbsent(digest, e.getKey());
        if (first != null) {
          duplicates.add(Csv.field(e.getKey()) + "," + Csv.field(first) + "," + digest);
        }
        manifest.write(Csv.field(e.getKey()) + "," + Csv.field(ImageId.labelOf(e.getKey())) + "," + data.length + "," + digest + "\n");
      }
      // Files over the limit are inputs too (each is a reject of the run), but were never read:
      // no checksum.
      for (var e : tree.tooLarge().entrySet()) {
        manifest.write(Csv.field(e.getKey()) + "," + Csv.field(ImageId.labelOf(e.getKey())) + "," + e.getValue() + ",\n");
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
    try (Writer skipped = new OutputStreamWriter(outFs.create(RunLayout.skippedIn(dir)), StandardCharsets.UTF_8)) {
      skipped.write("id,reason\n");
      for (var e : tree.skipped().entrySet()) {
        skipped.write(Csv.field(e.getKey()) + "," + e.getValue() + "\n");
      }
    }
    try (Writer rejects = new OutputStreamWriter(outFs.create(RunLayout.packRejectsIn(dir)), StandardCharsets.UTF_8)) {
      rejects.write(CsvRows.REJECTS_HEADER + "\n");
      for (String id : tree.tooLarge().keySet()) {
        rejects.write(CsvRows.reject(id, ImageId.labelOf(id), "too-large", tree.tooLargeDetail(id)) + "\n");
      }
    }
    // Duplicates are kept (each id gets its vector) and reported, so nothing is silently dropped.
    try (Writer dup = new OutputStreamWriter(outFs.create(RunLayout.duplicatesIn(dir)), StandardCharsets.UTF_8)) {
      dup.write("id,duplicate_of,sha256\n");
      for (String line : duplicates) {
        dup.write(line + "\n");
      }
    }
    outFs.create(new Path(dir, RunLayout.SUCCESS)).close();
    return new PackSummary(files.size(), bytes, tree.skipped().size(), tree.tooLarge().size(), duplicates.size(), part);
  }

  private SequenceFile.Writer newWriter(Path file) throws IOException {
    return SequenceFile.createWriter(
        conf,
        SequenceFile.Writer.file(file),
        SequenceFile.Writer.keyClass(Text.class),
        SequenceFile.Writer.valueClass(BytesWritable.class),
        SequenceFile.Writer.compression(SequenceFile.CompressionType.BLOCK, new DefaultCodec()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
