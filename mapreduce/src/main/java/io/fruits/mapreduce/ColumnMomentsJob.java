package io.fruits.mapreduce;

import io.fruits.reduction.ColumnMoments;
import io.fruits.reduction.EnoughVectors;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * The statistics stage of the randomized PCA: count, mean and deviation of every feature, O(d)
 * memory per task. Each map task sums its whole split in one {@link ColumnMoments} (exact sums:
 * no id-hashed chunks needed for split-independent bits) and one reducer adds the tasks' shares.
 */
public final class ColumnMomentsJob {
  private ColumnMomentsJob() {}

  public static Job create(Configuration conf, Path features, Path stats) throws IOException {
    return SharesJob.create(conf, "fruits-column-stats", features, TaskMomentsMapper.class, AddMomentsReducer.class,
        ColumnMomentsWritable.class, stats);
  }

  public static ColumnMoments read(Configuration conf, Path stats) throws IOException {
    ColumnMoments moments = ReducerOutput.read(conf, stats, new ColumnMomentsWritable(), () -> EnoughVectors.refusal(0)).get();
    EnoughVectors.require(moments.count());
    EnoughVectors.requireVariation(moments.count(), moments.std());
    return moments;
  }

  public static final class TaskMomentsMapper extends Mapper<Text, FeatureVectorWritable, NullWritable, ColumnMomentsWritable> {
    private ColumnMoments moments;

    @Override
    protected void map(Text key, FeatureVectorWritable value, Context context) {
      if (moments == null) {
        moments = new ColumnMoments(value.vector().length);
      }
      moments.add(value.vector());
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      if (moments != null) {
        context.write(NullWritable.get(), new ColumnMomentsWritable(moments));
      }
    }
  }

  public static final class AddMomentsReducer extends Reducer<NullWritable, ColumnMomentsWritable, NullWritable, ColumnMomentsWritable> {
    @Override
    protected void reduce(NullWritable key, Iterable<ColumnMomentsWritable> shares, Context context) throws IOException, InterruptedException {
      ColumnMoments total = null;
      for (ColumnMomentsWritable share : shares) {
        if (total == null) {
          total = share.get(); // readFields makes a new object for the next share
        } else {
          total.merge(share.get());
        }
      }
      context.write(NullWritable.get(), new ColumnMomentsWritable(total));
    }
  }
}
