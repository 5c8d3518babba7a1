package io.fruits.mapreduce;

import io.fruits.core.Csv;
import io.fruits.core.ImageFiles;
import io.fruits.core.RunLayout;
import io.fruits.features.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * chunk's number) and its manifest rows ({@code id,bytes,sha256} in {@code manifest-NNNNN.csv}).
 * Both are written into the task attempt's work folder, so the job's committer publishes the
 * files of exactly one attempt, on HDFS and on S3 alike.
 */
public final class PackMapper extends Mapper<Text, Text, NullWritable, NullWritable> {
  static final String MANIFEST_PART = "manifest-%05d.csv";

  private SequenceFile.Writer images;
  private Writer manifest;
  private final Text key = new Text();
  private final BytesWritable value = new BytesWritable();
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);

  @Override
  protected void setup(Context context) throws IOException, InterruptedException {
    int chunk = PackChunks.number(((FileSplit) context.getInputSplit()).getPath());
    Path work = FileOutputFormat.getWorkOutputPath(context);
    images = SequenceFilePacker.newWriter(context.getConfiguration(), RunLayout.packPart(work, chunk));
    Path manifestPart = new Path(work, String.format(java.util.Locale.ROOT, MANIFEST_PART, chunk));
    manifest = new OutputStreamWriter(manifestPart.getFileSystem(context.getConfiguration()).create(manifestPart), StandardCharsets.UTF_8);
  }

  @Override
  protected void map(Text id, Text file, Context context) throws IOException {
    Path path = new Path(java.net.URI.create(file.toString()));
    buf.reset();
    try (InputStream in = ImageFiles.open(context.getConfiguration(), path)) {
      in.transferTo(buf);
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
  }
}
