package io.fruits.mapreduce;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;

/**
 * The shape of the randomized PCA's jobs: every map task sums its split of the feature vectors into
 * one share, one reducer adds the shares into the one record {@link ReducerOutput} reads.
 */
final class SharesJob {
  private SharesJob() {}

  static Job create(Configuration conf, String name, Path features, Class<? extends Mapper<?, ?, ?, ?>> mapper,
      Class<? extends Reducer<?, ?, ?, ?>> reducer, Class<? extends Writable> share, Path out) throws IOException {
    Job job = Job.getInstance(conf, name);
    job.setJarByClass(SharesJob.class);
    job.setInputFormatClass(SequenceFileInputFormat.class);
    FileInputFormat.addInputPath(job, new Path(features, "part-m-*"));
    job.setMapperClass(mapper);
    job.setReducerClass(reducer);
    job.setNumReduceTasks(1);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(share);
    job.setOutputFormatClass(SequenceFileOutputFormat.class);
    FileOutputFormat.setOutputPath(job, out);
    return job;
  }
}
