package io.fruits.mapreduce;

import java.io.IOException;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.PathOutputCommitterFactory;
import org.apache.parquet.hadoop.ParquetOutputFormat;

/**
 * Parquet part files of the export job, one subclass per row kind (a named output needs a class it
 * can instantiate). The committer is the one Hadoop's factory gives for the output path, as for the
 * job's CSV parts: the S3A committer on {@code s3a://}, not Parquet's own rename-based committer.
 * Part files only: no {@code _metadata} summary, nothing merged.
 */
abstract class VectorParquetOutputFormat extends ParquetOutputFormat<VectorRow> {
  private OutputCommitter committer;

  VectorParquetOutputFormat(VectorWriteSupport writeSupport) {
    super(writeSupport);
  }

  @Override
  public synchronized OutputCommitter getOutputCommitter(TaskAttemptContext context) throws IOException {
    if (committer == null) {
      committer = PathOutputCommitterFactory.createCommitter(getOutputPath(context), context);
    }
    return committer;
  }

  /** {@code id, label, vector<float>}: the features as the CNN gives them. */
  public static final class Features extends VectorParquetOutputFormat {
    public Features() {
      super(new VectorWriteSupport("features", true));
    }
  }

  /** {@code id, label, vector<double>}: the PCA components. */
  public static final class Components extends VectorParquetOutputFormat {
    public Components() {
      super(new VectorWriteSupport("pca", false));
    }
  }
}
