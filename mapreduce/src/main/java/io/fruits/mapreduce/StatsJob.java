package io.fruits.mapreduce;

import io.fruits.core.FruitsConfigKeys;
import io.fruits.reduction.CovarianceAccumulator;
import io.fruits.reduction.EnoughVectors;
import io.fruits.reduction.Moments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;

/**
 * Count, mean, standard deviation and covariance of the vectors, bit for bit the same however the
 * input is split into map tasks.
 *
 * <p>The vectors, in id order, are cut into chunks that end at "boundary" ids, chosen by a hash of
 * the id alone (one id in {@code stats.chunk.records} on average). A mapper combines in memory
 * (a {@link CovarianceAccumulator} per chunk) and emits the moments of every chunk that lies
 * wholly inside its split, keyed by the chunk's last id; the few vectors of chunks cut by a split
 * edge go to the reducer as they are. The single reducer sees keys in id order: it accumulates cut
 * chunks from their vectors in the same order a mapper would, then merges all chunks' moments in
 * id order with Chan's rule. Every chunk's moments therefore come from the same additions in the
 * same order, and so does the merge: the result cannot depend on the number of map tasks.
 */
public final class StatsJob {

  private StatsJob() {}

  public static Job create(Configuration conf, Path features, Path stats) throws IOException {
    Job job = Job.getInstance(conf, "fruits-stats");
    job.setJarByClass(StatsJob.class);
    job.setInputFormatClass(SequenceFileInputFormat.class);
    FileInputFormat.addInputPath(job, new Path(features, "part-m-*"));
    job.setMapperClass(ChunkMomentsMapper.class);
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(StatsPartWritable.class);
    job.setReducerClass(MergeChunksReducer.class);
    job.setNumReduceTasks(1);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(MomentsWritable.class);
    job.setOutputFormatClass(SequenceFileOutputFormat.class);
    FileOutputFormat.setOutputPath(job, stats);
    return job;
  }

  /** Reads the merged moments a finished stats job wrote. */
  public static Moments read(Configuration conf, Path stats) throws IOException {
    Moments moments = ReducerOutput.read(conf, stats, new MomentsWritable(), () -> EnoughVectors.refusal(0)).get();
    EnoughVectors.require(moments.count());
    EnoughVectors.requireVariation(moments.count(), moments.std());
    return moments;
  }

  /** True for the ids that end a chunk: a function of the id alone, so every task agrees. */
  static boolean endsChunk(String id, int chunk) {
    return Math.floorMod(id.hashCode() * 0x9E3779B1, chunk) == 0;
  }

  /** The vectors of the chunk being read, kept until we know whether it ends in this split. */
  private static final class OpenChunk {
    final List<String> ids = new ArrayList<>();
    final List<float[]> vectors = new ArrayList<>();
    CovarianceAccumulator accumulator;

    void add(String id, float[] v) {
      if (accumulator == null) {
        accumulator = new CovarianceAccumulator(v.length);
      }
      accumulator.add(v);
      ids.add(id);
      vectors.add(v.clone());
    }

    void clear() {
      ids.clear();
      vectors.clear();
      accumulator = null;
    }
  }

  /** In-mapper combining per chunk; the chunks cut by the split's edges leave as raw vectors. */
  public static final class ChunkMomentsMapper extends Mapper<Text, FeatureVectorWritable, Text, StatsPartWritable> {
    private final OpenChunk open = new OpenChunk();
    private final StatsPartWritable raw = new StatsPartWritable();
    private FaultInjection fault;
    private int chunk;
    private boolean sawBoundary;

    @Override
    protected void setup(Context context) {
      fault = FaultInjection.forTask("stats", context);
      chunk = FruitsConfigKeys.STATS_CHUNK.getInt(context.getConfiguration());
    }

    @Override
    protected void map(Text key, FeatureVectorWritable value, Context context) throws IOException, InterruptedException {
      fault.record();
      String id = key.toString();
      open.add(id, value.vector());
      if (endsChunk(id, chunk)) {
        // Before the split's first boundary the chunk began in an earlier split: cut, so raw.
        if (sawBoundary) {
          context.write(new Text(id), StatsPartWritable.of(open.accumulator.moments()));
        } else {
          emitRaw(context);
        }
        open.clear();
        sawBoundary = true;
      }
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      emitRaw(context); // the chunk still open continues in the next split
    }

    private void emitRaw(Context context) throws IOException, InterruptedException {
      for (int i = 0; i < open.ids.size(); i++) {
        raw.setVector("", open.vectors.get(i));
        context.write(new Text(open.ids.get(i)), raw);
      }
    }
  }

  /** Rebuilds cut chunks from their vectors and merges every chunk in id order. */
  public static final class MergeChunksReducer extends Reducer<Text, StatsPartWritable, NullWritable, MomentsWritable> {
    private final OpenChunk open = new OpenChunk();
    private Moments total;
    private int chunk;

    @Override
    protected void setup(Context context) {
      chunk = FruitsConfigKeys.STATS_CHUNK.getInt(context.getConfiguration());
    }

    @Override
    protected void reduce(Text key, Iterable<StatsPartWritable> parts, Context context) throws IOException {
      String id = key.toString();
      for (StatsPartWritable part : parts) {
        if (part.isMoments()) {
          if (!open.ids.isEmpty()) {
            throw new IOException("stats: chunk ending at " + id + " arrived inside a cut chunk; are the features sorted by id?");
          }
          merge(part.moments());
        } else {
          open.add(id, part.vector());
        }
      }
      if (!open.ids.isEmpty() && endsChunk(id, chunk)) {
        merge(open.accumulator.moments());
        open.clear();
      }
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      if (!open.ids.isEmpty()) {
        merge(open.accumulator.moments()); // the last chunk has no boundary after it
        open.clear();
      }
      if (total != null) {
        context.write(NullWritable.get(), new MomentsWritable(total));
      }
    }

    private void merge(Moments m) {
      if (total == null) {
        total = new Moments(m.dimension());
      }
      total.merge(m);
    }
  }
}
