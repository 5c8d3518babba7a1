package io.fruits.mapreduce;

import io.fruits.reduction.CovarianceAccumulator;
import io.fruits.reduction.Moments;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;

/**
 * Count, mean, standard deviation and covariance of the vectors. Each mapper combines in memory
 * (a {@link CovarianceAccumulator}) and emits one partial {@link Moments} keyed by its split; the
 * single reducer receives them sorted by split and merges them in that order, so the result does
 * not depend on which map finished first.
 */
public final class StatsJob {
  private StatsJob() {}

  public static Job create(Configuration conf, Path features, Path stats) throws IOException {
    Job job = Job.getInstance(conf, "fruits-stats");
    job.setJarByClass(StatsJob.class);
    job.setInputFormatClass(SequenceFileInputFormat.class);
    FileInputFormat.addInputPath(job, new Path(features, "part-m-*"));
    job.setMapperClass(PartialMomentsMapper.class);
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(MomentsWritable.class);
    job.setReducerClass(MergeMomentsReducer.class);
    job.setNumReduceTasks(1);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(MomentsWritable.class);
    job.setOutputFormatClass(SequenceFileOutputFormat.class);
    FileOutputFormat.setOutputPath(job, stats);
    return job;
  }

  /** Reads the merged moments a finished stats job wrote. */
  public static Moments read(Configuration conf, Path stats) throws IOException {
    // One reducer, one file; S3A's staging committers add a unique suffix to its name.
    FileStatus[] parts = stats.getFileSystem(conf).globStatus(new Path(stats, "part-r-*"));
    if (parts == null || parts.length != 1) {
      throw new IllegalStateException("expected one part-r-* file in " + stats + "; delete that folder and re-run");
    }
    Path file = parts[0].getPath();
    try (SequenceFile.Reader reader = new SequenceFile.Reader(conf, SequenceFile.Reader.file(file))) {
      MomentsWritable value = new MomentsWritable();
      if (!reader.next(NullWritable.get(), value)) {
        throw new IllegalStateException("no vectors reached the stats stage; every image was rejected (see rejects.csv)");
      }
      return value.get();
    }
  }

  /** In-mapper combining: one accumulator per task, emitted once in cleanup. */
  public static final class PartialMomentsMapper extends Mapper<Text, FeatureVectorWritable, Text, MomentsWritable> {
    private CovarianceAccumulator accumulator;
    private FaultInjection fault;

    @Override
    protected void setup(Context context) {
      fault = FaultInjection.forTask("stats", context);
    }

    @Override
    protected void map(Text id, FeatureVectorWritable value, Context context) throws IOException {
      fault.record();
      if (accumulator == null) {
        accumulator = new CovarianceAccumulator(value.vector().length);
      }
      accumulator.add(value.vector());
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      if (accumulator != null) {
        FileSplit split = (FileSplit) context.getInputSplit();
        // Zero-padded offset: keys sort by file, then by position in it.
        Text key = new Text(split.getPath() + "@" + String.format("%020d", split.getStart()));
        context.write(key, new MomentsWritable(accumulator.moments()));
      }
    }
  }

  /** Merges the partial moments in key order and writes the total once. */
  public static final class MergeMomentsReducer extends Reducer<Text, MomentsWritable, NullWritable, MomentsWritable> {
    private Moments total;

    @Override
    protected void reduce(Text split, Iterable<MomentsWritable> partials, Context context) {
      for (MomentsWritable m : partials) {
        if (total == null) {
          total = new Moments(m.get().dimension());
        }
        total.merge(m.get());
      }
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      if (total != null) {
        context.write(NullWritable.get(), new MomentsWritable(total));
      }
    }
  }
}
