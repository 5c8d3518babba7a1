package io.fruits.mapreduce;

import io.fruits.core.CsvRows;
import io.fruits.core.FruitsConfigKeys;
import io.fruits.reduction.PcaModel;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Map-only export: each vector is standardised and projected on the PCA components and written as
 * a CSV row {@code id,label,pc1..pck}; the same pass writes the raw vector as
 * {@code id,label,f1..fd}. Rows keep the input order, so merged CSVs are reproducible.
 */
public final class ProjectionJob {
  static final String MODEL_PATH = "fruits.pca.model.path";
  static final String PCA_OUTPUT = "pca";
  static final String FEATURES_OUTPUT = "features";
  static final String PCA_PARQUET = "pcaparquet";
  static final String FEATURES_PARQUET = "featuresparquet";
  /** Parquet rows groups of 32 MB: a writer holds one in memory per file, two files per task. */
  static final int PARQUET_ROW_GROUP_BYTES = 32 << 20;

  private ProjectionJob() {}

  public static Job create(Configuration conf, Path features, Path pcaModel, Path csvParts) throws IOException {
    Job job = Job.getInstance(conf, "fruits-projection");
    job.setJarByClass(ProjectionJob.class);
    job.getConfiguration().set(MODEL_PATH, pcaModel.toString());
    job.setInputFormatClass(SequenceFileInputFormat.class);
    FileInputFormat.addInputPath(job, new Path(features, "part-m-*"));
    job.setMapperClass(ProjectionMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, csvParts);
    MultipleOutputs.addNamedOutput(job, PCA_OUTPUT, TextOutputFormat.class, NullWritable.class, Text.class);
    MultipleOutputs.addNamedOutput(job, FEATURES_OUTPUT, TextOutputFormat.class, NullWritable.class, Text.class);
    if (FruitsConfigKeys.OUTPUT_FORMATS.getFormats(conf).contains("parquet")) {
      MultipleOutputs.addNamedOutput(job, PCA_PARQUET, VectorParquetOutputFormat.Components.class, Void.class, VectorRow.class);
      MultipleOutputs.addNamedOutput(job, FEATURES_PARQUET, VectorParquetOutputFormat.Features.class, Void.class, VectorRow.class);
      Configuration c = job.getConfiguration();
      c.setIfUnset(ParquetOutputFormat.COMPRESSION, CompressionCodecName.SNAPPY.name());
      c.setIfUnset(ParquetOutputFormat.BLOCK_SIZE, Integer.toString(PARQUET_ROW_GROUP_BYTES));
    }
    return job;
  }

  public static PcaModel readModel(Configuration conf, Path file) throws IOException {
    try (Reader in = new InputStreamReader(file.getFileSystem(conf).open(file), StandardCharsets.UTF_8)) {
      return PcaModel.load(in);
    }
  }

  /** Projects one vector and writes both CSV rows. */
  public static final class ProjectionMapper extends Mapper<Text, FeatureVectorWritable, NullWritable, Text> {
    private PcaModel model;
    private MultipleOutputs<NullWritable, Text> outputs;
    private final StringBuilder line = new StringBuilder(8192);
    private final Text row = new Text();
    private boolean parquet;

    @Override
    protected void setup(Context context) throws IOException {
      Configuration conf = context.getConfiguration();
      model = readModel(conf, new Path(conf.get(MODEL_PATH)));
      outputs = new MultipleOutputs<>(context);
      parquet = FruitsConfigKeys.OUTPUT_FORMATS.getFormats(conf).contains("parquet");
    }

    @Override
    protected void map(Text id, FeatureVectorWritable value, Context context) throws IOException, InterruptedException {
      float[] v = value.vector();
      if (v.length != model.dimension()) {
        throw new IllegalArgumentException(
            "vector of " + id + " has " + v.length + " values but the PCA model expects " + model.dimension()
                + "; refit the PCA on these features (delete the pca folder or use --overwrite)");
      }
      double[] pcs = model.transform(v);
      row.set(CsvRows.vector(line, id.toString(), value.label(), pcs).toString());
      outputs.write(PCA_OUTPUT, NullWritable.get(), row, "csv/pca/part");
      row.set(CsvRows.vector(line, id.toString(), value.label(), v).toString());
      outputs.write(FEATURES_OUTPUT, NullWritable.get(), row, "csv/features/part");
      if (parquet) {
        outputs.write(PCA_PARQUET, null, new VectorRow(id.toString(), value.label(), pcs), "parquet/pca/part");
        outputs.write(FEATURES_PARQUET, null, VectorRow.of(id.toString(), value.label(), v), "parquet/features/part");
      }
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      outputs.close();
    }
  }
}
