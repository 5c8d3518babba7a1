package io.fruits.mapreduce;

import io.fruits.reduction.ExactSums;
import io.fruits.reduction.GramAccumulator;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * One pass of the randomized PCA: {@code G Q = sum z (z^T Q)} over the standardised vectors. Each
 * map task reads the column statistics and the d x l basis Q the driver wrote, sums its split in
 * one {@link GramAccumulator} and sends that d x l share to the one reducer, which adds them.
 * Memory per task: Q and the share, O(d l); exact sums make the result independent of the splits.
 */
public final class GramPassJob {
  static final String BASIS = "fruits.gram.basis";
  static final String STATS = "fruits.gram.stats";

  private GramPassJob() {}

  public static Job create(Configuration conf, Path features, Path stats, Path basis, Path out) throws IOException {
    Job job = SharesJob.create(conf, "fruits-pca-pass", features, ShareMapper.class, AddSharesReducer.class, ExactSumsWritable.class, out);
    job.getConfiguration().set(BASIS, basis.toString());
    job.getConfiguration().set(STATS, stats.toString());
    return job;
  }

  static ExactSums read(Configuration conf, Path out) throws IOException {
    return ReducerOutput.read(conf, out, new ExactSumsWritable(), () -> new IllegalStateException("no vectors reached the PCA pass in " + out)).get();
  }

  public static final class ShareMapper extends Mapper<Text, FeatureVectorWritable, NullWritable, ExactSumsWritable> {
    private GramAccumulator share;

    @Override
    protected void setup(Context context) throws IOException {
      Configuration conf = context.getConfiguration();
      var moments = ColumnMomentsJob.read(conf, new Path(conf.get(STATS)));
      share = new GramAccumulator(moments.scaler(), BasisFile.read(conf, new Path(conf.get(BASIS))));
    }

    @Override
    protected void map(Text key, FeatureVectorWritable value, Context context) {
      share.add(value.vector());
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      context.write(NullWritable.get(), new ExactSumsWritable(share.sums()));
    }
  }

  public static final class AddSharesReducer extends Reducer<NullWritable, ExactSumsWritable, NullWritable, ExactSumsWritable> {
    @Override
    protected void reduce(NullWritable key, Iterable<ExactSumsWritable> shares, Context context) throws IOException, InterruptedException {
      ExactSums total = null;
      for (ExactSumsWritable share : shares) {
        if (total == null) {
          total = share.get();
        } else {
          total.merge(share.get());
        }
      }
      context.write(NullWritable.get(), new ExactSumsWritable(total));
    }
  }
}
