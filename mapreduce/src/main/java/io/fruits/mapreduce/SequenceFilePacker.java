package io.fruits.mapreduce;

import io.fruits.core.ImageFiles;
import io.fruits.core.ImageTree;
import io.fruits.core.RunLayout;
import io.fruits.features.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
    return pack(ImageTree.scan(conf, input, maxFileBytes), packedDir);
  }

  /** Packs the files of a listing already made. */
  public PackSummary pack(ImageTree tree, Path packedDir) throws IOException {
    FileSystem outFs = packedDir.getFileSystem(conf);
    outFs.delete(packedDir, true);
    outFs.mkdirs(packedDir);
    return write(tree, outFs, packedDir);
  }

  private PackSummary write(ImageTree tree, FileSystem outFs, Path dir) throws IOException {
    FileSystem inFs = tree.fileSystem();
    long bytes = 0;
    int part = 0;
    long partBytes = 0;
    long partFiles = 0;
    PackChunks.Rule rule = PackChunks.Rule.bySize(targetBytes);
    SequenceFile.Writer writer = null;
    Text key = new Text();
    BytesWritable value = new BytesWritable();
    ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
    try (PackIndex index = new PackIndex(outFs, dir)) {
      try {
        for (var e : tree.files().entrySet()) {
          if (writer == null || rule.closes(partBytes, partFiles)) {
            if (writer != null) {
              writer.close();
            }
            writer = newWriter(conf, RunLayout.packPart(dir, part++));
            partBytes = 0;
            partFiles = 0;
          }
          String unreadable = ImageFiles.readInto(inFs, e.getValue(), buf, tree.maxFileBytes());
          if (unreadable != null) {
            index.unreadable(e.getKey(), unreadable);
            continue;
          }
          byte[] data = buf.toByteArray();
          key.set(e.getKey());
          value.set(data, 0, data.length);
          writer.append(key, value);
          partBytes += data.length;
          partFiles++;
          bytes += data.length;
          index.add(e.getKey(), data.length, Sha256.of(data, data.length));
        }
      } finally {
        if (writer != null) {
          writer.close();
        }
      }
      index.finish(tree);
      return index.summary(tree, bytes, part);
    }
  }

  /** A block-compressed SequenceFile of id to encoded image, as every pack writes it. */
  static SequenceFile.Writer newWriter(Configuration conf, Path file) throws IOException {
    return SequenceFile.createWriter(
        conf,
        SequenceFile.Writer.file(file),
        SequenceFile.Writer.keyClass(Text.class),
        SequenceFile.Writer.valueClass(BytesWritable.class),
        SequenceFile.Writer.compression(SequenceFile.CompressionType.BLOCK, new DefaultCodec()));
  }
}
