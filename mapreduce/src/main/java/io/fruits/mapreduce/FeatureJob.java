package io.fruits.mapreduce;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/**
 * The feature stage, map-only: packed images in, one (id, label, vector) per image out, rejects
 * beside them; in a run that augments, over {@link AugmentJob}'s pack instead. The model and its
 * descriptor must already be in the configuration ({@link ModelShipping#ship}).
 */
public final class FeatureJob {
  static final String PACKED_PARTS = "part-*.seq";

  private FeatureJob() {}

  /** The bytes the job's splits divide: the packed SequenceFiles as they lie on the file system. */
  static long inputBytes(Configuration conf, Path packed) throws IOException {
    return bytes(conf, new Path(packed, PACKED_PARTS));
  }

  /** The bytes of the augmentation stage's pack (images and variants), read instead of the input's pack. */
  static long augmentedBytes(Configuration conf, Path augmented) throws IOException {
    return bytes(conf, new Path(augmented, AugmentJob.PARTS));
  }

  private static long bytes(Configuration conf, Path glob) throws IOException {
    long bytes = 0;
    FileStatus[] parts = glob.getFileSystem(conf).globStatus(glob);
    for (FileStatus part : parts == null ? new FileStatus[0] : parts) {
      bytes += part.getLen();
    }
    return bytes;
  }

  /** The job over the augmentation stage's pack (images and their variants) instead of the input's. */
  public static Job createAugmented(Configuration conf, Path augmented, Path features) throws IOException {
    return createOver(conf, new Path(augmented, AugmentJob.PARTS), features);
  }

  public static Job create(Configuration conf, Path packed, Path features) throws IOException {
    return createOver(conf, new Path(packed, PACKED_PARTS), features);
  }

  private static Job createOver(Configuration conf, Path parts, Path features) throws IOException {
    Job job = Job.getInstance(conf, "fruits-features");
    job.setJarByClass(FeatureJob.class);
    job.setInputFormatClass(SequenceFileInputFormat.class);
    FileInputFormat.addInputPath(job, parts);
    job.setMapperClass(FeatureMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(FeatureVectorWritable.class);
    job.setOutputFormatClass(SequenceFileOutputFormat.class);
    FileOutputFormat.setOutputPath(job, features);
    MultipleOutputs.addNamedOutput(job, FeatureMapper.REJECTS_OUTPUT, TextOutputFormat.class, NullWritable.class, Text.class);
    return job;
  }
}
