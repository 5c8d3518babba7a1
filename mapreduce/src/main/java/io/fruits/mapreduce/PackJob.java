package io.fruits.mapreduce;

import io.fruits.core.Csv;
import io.fruits.core.ImageTree;
import io.fruits.core.RunLayout;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/**
 * The pack as a map-only job, for inputs too large for one reader: the driver cuts the listing into
 * chunks of consecutive ids ({@link PackChunks}), each map task reads its chunk's files and writes
 * one SequenceFile ({@link PackMapper}), and the driver puts the files in place and joins the
 * tasks' manifest rows, in chunk order, into the same {@code manifest.csv} the driver's pack
 * writes ({@link PackIndex}).
 */
final class PackJob {
  private PackJob() {}

  static PackSummary pack(Configuration conf, JobRunner jobs, ImageTree tree, Path packed, PackChunks.Rule chunks) throws Exception {
    FileSystem fs = packed.getFileSystem(conf);
    fs.delete(packed, true);
    Path listing = new Path(packed, "chunks");
    Path output = new Path(packed, "job");
    int n = PackChunks.write(conf, tree, chunks, listing);
    Job job = Job.getInstance(conf, "fruits-pack");
    job.setJarByClass(PackJob.class);
    job.setInputFormatClass(WholeChunks.class);
    FileInputFormat.addInputPath(job, listing);
    job.setMapperClass(PackMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(NullWritable.class);
    // Not _-named: FileInputFormat takes such paths for hidden ones. The tasks write their files into the attempt's work folder themselves; no records, no part-m files.
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, output);
    jobs.run(job);

    long bytes = 0;
    try (PackIndex index = new PackIndex(fs, packed)) {
      for (int i = 0; i < n; i++) {
        Path part = RunLayout.packPart(packed, i);
        if (!fs.rename(RunLayout.packPart(output, i), part)) {
          throw new IOException("the pack job wrote no " + part.getName() + "; run again to redo the pack");
        }
        for (List<String> r : rows(fs, output, PackMapper.MANIFEST_PART, i)) {
          long size = Long.parseLong(r.get(1));
          index.add(r.get(0), size, r.get(2));
          bytes += size;
        }
        for (List<String> r : rows(fs, output, PackMapper.UNREADABLE_PART, i)) {
          index.unreadable(r.get(0), r.get(1));
        }
      }
      fs.delete(output, true);
      fs.delete(listing, true);
      index.finish(tree);
      return index.summary(tree, bytes, n);
    }
  }

  /** The rows a task wrote for chunk {@code i} (few: a chunk's files), read at once. */
  private static List<List<String>> rows(FileSystem fs, Path output, String name, int i) throws IOException {
    Path file = new Path(output, String.format(java.util.Locale.ROOT, name, i));
    List<List<String>> rows = new java.util.ArrayList<>();
    try (Csv.Records records = Csv.records(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      records.forEach(rows::add);
    }
    return rows;
  }

  /** A chunk is one map task: it must become exactly one SequenceFile. */
  public static final class WholeChunks extends SequenceFileInputFormat<org.apache.hadoop.io.Text, org.apache.hadoop.io.Text> {
    @Override
    protected boolean isSplitable(JobContext context, Path file) {
      return false;
    }
  }
}
