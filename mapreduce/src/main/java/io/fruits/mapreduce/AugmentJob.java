package io.fruits.mapreduce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;
import org.apache.hadoop.mapreduce.lib.partition.TotalOrderPartitioner;

/**
 * The augmentation stage: packed images in; the same images and their variants out, as a pack
 * that the feature job reads instead of the original one. Its parts must be a pack's: each sorted
 * by id and holding one id range, because the statistics job cuts the vectors into chunks by id
 * ({@link StatsJob}). A variant's id is its image's id with a suffix, which sorts right after the
 * image unless that id is the start of a later one; so the job sorts rather than trusts: the maps
 * make the variants (the CPU work, in parallel), the shuffle orders everything by id, and a
 * {@link TotalOrderPartitioner} cut at the first ids of the pack's own parts gives one reduce,
 * one part, per packed part. It needs no model and costs no engine thread.
 */
final class AugmentJob {
  /** The parts the feature job reads in place of the pack's. */
  static final String PARTS = "part-r-*";

  private AugmentJob() {}

  static Job create(Configuration conf, Path packed, Path augmented) throws IOException {
    Job job = Job.getInstance(conf, "fruits-augment");
    job.setJarByClass(AugmentJob.class);
    job.setInputFormatClass(SequenceFileInputFormat.class);
    FileInputFormat.addInputPath(job, new Path(packed, FeatureJob.PACKED_PARTS));
    job.setMapperClass(AugmentMapper.class);
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(BytesWritable.class);
    job.setReducerClass(Reducer.class); // identity: the shuffle did the work
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(BytesWritable.class);
    job.setOutputFormatClass(SequenceFileOutputFormat.class);
    FileOutputFormat.setOutputPath(job, augmented);
    List<Text> cuts = firstIdsAfterTheFirst(conf, packed);
    job.setNumReduceTasks(cuts.size() + 1);
    if (!cuts.isEmpty()) {
      Path partitions = partitionFile(augmented);
      try (SequenceFile.Writer w = SequenceFile.createWriter(conf, SequenceFile.Writer.file(partitions),
          SequenceFile.Writer.keyClass(Text.class), SequenceFile.Writer.valueClass(NullWritable.class))) {
        for (Text cut : cuts) {
          w.append(cut, NullWritable.get());
        }
      }
      TotalOrderPartitioner.setPartitionFile(job.getConfiguration(), partitions);
      job.setPartitionerClass(TotalOrderPartitioner.class);
    }
    return job;
  }

  /** Beside the output folder, which must not exist before the job. */
  static Path partitionFile(Path augmented) {
    return new Path(augmented.getParent(), "_augment-partitions.seq");
  }

  /** The first id of every packed part but the lowest, in id order: where the reduces cut. */
  private static List<Text> firstIdsAfterTheFirst(Configuration conf, Path packed) throws IOException {
    FileSystem fs = packed.getFileSystem(conf);
    List<Text> firsts = new ArrayList<>();
    FileStatus[] parts = fs.globStatus(new Path(packed, FeatureJob.PACKED_PARTS));
    for (FileStatus part : parts == null ? new FileStatus[0] : parts) {
      try (SequenceFile.Reader r = new SequenceFile.Reader(conf, SequenceFile.Reader.file(part.getPath()))) {
        Text first = new Text();
        if (r.next(first)) {
          firsts.add(first);
        }
      }
    }
    firsts.sort(null); // Text sorts by bytes, as the shuffle does
    return firsts.isEmpty() ? firsts : firsts.subList(1, firsts.size());
  }
}
