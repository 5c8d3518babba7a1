package io.fruits.mapreduce;

import io.fruits.core.Csv;
import io.fruits.core.FruitsConfigKeys;
import io.fruits.core.ImageFiles;
import io.fruits.core.RunLayout;
import io.fruits.features.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * One chunk of the listing in, one SequenceFile of the pack out ({@code part-NNNNN.seq}, N the
 * chunk's number), its manifest rows ({@code id,bytes,sha256} in {@code manifest-NNNNN.csv}) and
 * the files it could not read ({@code id,detail} in {@code unreadable-NNNNN.csv}).
 * All three are written into the task attempt's work folder, so the job's committer publishes the
 * files of exactly one attempt, on HDFS and on S3 alike.
 */
public final class PackMapper extends Mapper<Text, Text, NullWritable, NullWritable> {
  static final String MANIFEST_PART = "manifest-%05d.csv";
  static final String UNREADABLE_PART = "unreadable-%05d.csv";

  private SequenceFile.Writer images;
  private Writer manifest;
  private Writer unreadable;
  private final Text key = new Text();
  private final BytesWritable value = new BytesWritable();
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
  private long maxFileBytes;

  @Override
  protected void setup(Context context) throws IOException, InterruptedException {
    int chunk = PackChunks.number(((FileSplit) context.getInputSplit()).getPath());
    maxFileBytes = FruitsConfigKeys.PACK_MAX_FILE_BYTES.getLong(context.getConfiguration());
    Path work = FileOutputFormat.getWorkOutputPath(context);
    images = SequenceFilePacker.newWriter(context.getConfiguration(), RunLayout.packPart(work, chunk));
    manifest = writer(context, new Path(work, String.format(java.util.Locale.ROOT, MANIFEST_PART, chunk)));
    unreadable = writer(context, new Path(work, String.format(java.util.Locale.ROOT, UNREADABLE_PART, chunk)));
  }

  private static Writer writer(Context context, Path file) throws IOException {
    return new OutputStreamWriter(file.getFileSystem(context.getConfiguration()).create(file), StandardCharsets.UTF_8);
  }

  @Override
  protected void map(Text id, Text file, Context context) throws IOException {
    Path path = new Path(java.net.URI.create(file.toString()));
    String why = ImageFiles.readInto(path.getFileSystem(context.getConfiguration()), path, buf, maxFileBytes);
    if (why != null) {
      unreadable.write(Csv.field(id.toString()) + "," + Csv.field(why) + "\n");
      context.getCounter(PackCounters.FILES_UNREADABLE).increment(1);
      return;
    }
    byte[] data = buf.toByteArray();
    key.set(id);
    value.set(data, 0, data.length);
    images.append(key, value);
    manifest.write(Csv.field(id.toString()) + "," + data.length + "," + Sha256.of(data, data.length) + "\n");
    context.getCounter(PackCounters.FILES_PACKED).increment(1);
    context.getCounter(PackCounters.BYTES_PACKED).increment(data.length);
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    images.close();
    manifest.close();
    unreadable.close();
  }
}
