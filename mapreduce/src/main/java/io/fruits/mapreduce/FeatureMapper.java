package io.fruits.mapreduce;

import io.fruits.core.CsvRows;
import io.fruits.core.FruitsConfigKeys;
import io.fruits.core.ImageId;
import io.fruits.core.ModelResolver;
import io.fruits.features.BatchTimes;
import io.fruits.features.FeatureBatcher;
import io.fruits.features.FeatureExtractor;
import io.fruits.features.ModelDescriptor;
import io.fruits.features.RejectReason;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * Encoded image in, feature vector out. Images are queued into a {@link FeatureBatcher}, which
 * decodes the next batch while the CNN runs the current one; vectors and rejects come back in
 * input order on this thread. A reject never fails the task: it is counted and listed. In an
 * update, images whose bytes did not change take their earlier result instead of the CNN.
 */
public final class FeatureMapper extends Mapper<Text, BytesWritable, Text, FeatureVectorWritable> {
  static final String REJECTS_OUTPUT = "rejects";
  /** Known results held back behind queued images before the batcher is flushed early (bounds memory). */
  private static final int MAX_WAITING = 4096;

  private FeatureExtractor extractor;
  private FeatureBatcher batcher;
  private MultipleOutputs<Text, FeatureVectorWritable> outputs;
  private FaultInjection fault;
  private ResidentMemory memory;
  private PreviousFeatures previous;
  private InOrderResults results;

  @Override
  protected void setup(Context context) throws IOException {
    Configuration conf = context.getConfiguration();
    ModelDescriptor d = ModelResolver.fromKeys(conf);
    extractor = FeatureExtractor.open(d, ModelShipping.taskModelFile(conf), FruitsConfigKeys.ENGINE_THREADS.getInt(conf));
    outputs = new MultipleOutputs<>(context);
    fault = FaultInjection.forTask("features", context);
    memory = new ResidentMemory(context);
    previous = PreviousFeatures.open(conf);
    results = new InOrderResults(new TaskSink(context, outputs));
    batcher =
        new FeatureBatcher(
            extractor,
            FruitsConfigKeys.BATCH_SIZE.getInt(conf),
            FruitsConfigKeys.MAX_PIXELS.getLong(conf),
            FruitsConfigKeys.PREFETCH.getBoolean(conf),
            results);
  }

  @Override
  protected void map(Text key, BytesWritable value, Context context) throws IOException, InterruptedException {
    String id = key.toString();
    context.getCounter(FeatureCounters.IMAGES_READ).increment(1);
    context.getCounter(FeatureCounters.BYTES_READ).increment(value.getLength());
    String label = ImageId.labelOf(id);
    PreviousFeatures.Result known = previous == null ? null : previous.find(id, label);
    if (known != null) {
      context.getCounter(FeatureCounters.IMAGES_REUSED).increment(1);
      results.known(known);
      if (results.waiting() >= MAX_WAITING) {
        batcher.flush();
      }
    } else {
      results.computing();
      batcher.add(id, label, value.getBytes(), value.getLength());
    }
    fault.record();
    memory.record();
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    try {
      batcher.flush();
      BatchTimes t = batcher.times();
      context.getCounter(FeatureCounters.IMAGES_DECODED).increment(t.decodedImages());
      context.getCounter(FeatureCounters.DECODE_MILLIS).increment(t.decodeNanos() / 1_000_000);
      context.getCounter(FeatureCounters.DECODE_WAIT_MILLIS).increment(t.waitNanos() / 1_000_000);
      context.getCounter(FeatureCounters.INFERENCE_MILLIS).increment(t.inferenceNanos() / 1_000_000);
      memory.finish();
    } finally {
      batcher.close();
      extractor.close();
      if (previous != null) {
        previous.close();
      }
      outputs.close();
    }
  }

  /** Writes vectors to the job output and rejects to their own files, counting both. */
  private static final class TaskSink implements InOrderResults.Out {
    private final Context context;
    private final MultipleOutputs<Text, FeatureVectorWritable> outputs;
    private final Text id = new Text();
    private final FeatureVectorWritable value = new FeatureVectorWritable();

    TaskSink(Context context, MultipleOutputs<Text, FeatureVectorWritable> outputs) {
      this.context = context;
      this.outputs = outputs;
    }

    @Override
    public void vector(String imageId, String label, float[] vector) throws IOException, InterruptedException {
      id.set(imageId);
      value.set(label, vector);
      context.write(id, value);
      context.getCounter(FeatureCounters.VECTORS_WRITTEN).increment(1);
    }

    @Override
    public void reject(String imageId, String label, RejectReason reason, String detail)
        throws IOException, InterruptedException {
      rejectRow(List.of(imageId, label, reason.word(), detail));
    }

    @Override
    public void rejectRow(List<String> row) throws IOException, InterruptedException {
      String line = CsvRows.reject(row.get(0), row.get(1), row.get(2), row.get(3));
      outputs.write(REJECTS_OUTPUT, NullWritable.get(), new Text(line), "rejects/part");
      context.getCounter(FeatureCounters.REJECTED).increment(1);
      context.getCounter(FeatureCounters.REJECTS, row.get(2)).increment(1);
    }
  }
}
