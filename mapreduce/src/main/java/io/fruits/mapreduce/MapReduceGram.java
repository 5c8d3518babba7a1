package io.fruits.mapreduce;

import io.fruits.reduction.GramAccumulator;
import io.fruits.reduction.GramProduct;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** {@link GramProduct} as a {@link GramPassJob}: the basis goes out as a file, G Q comes back from the reducer. */
public final class MapReduceGram implements GramProduct {
  private final Configuration conf;
  private final JobRunner jobs;
  private final Path features;
  private final Path stats;
  private final Path work;
  private int pass;

  public MapReduceGram(Configuration conf, JobRunner jobs, Path features, Path stats, Path work) {
    this.conf = conf;
    this.jobs = jobs;
    this.features = features;
    this.stats = stats;
    this.work = work;
  }

  @Override
  public double[][] times(double[][] q) throws Exception {
    Path basis = new Path(work, "basis-" + pass);
    Path out = new Path(work, "pass-" + pass);
    pass++;
    BasisFile.write(conf, basis, q);
    jobs.run(GramPassJob.create(conf, features, stats, basis, out));
    var sums = GramPassJob.read(conf, out);
    FileSystem fs = work.getFileSystem(conf);
    fs.delete(basis, false);
    fs.delete(out, true);
    return GramAccumulator.matrix(sums, q.length, q[0].length);
  }
}
