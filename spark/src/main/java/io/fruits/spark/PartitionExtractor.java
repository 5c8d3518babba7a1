package io.fruits.spark;

import io.fruits.core.FruitsConfigKeys;
import io.fruits.core.ImageId;
import io.fruits.features.FeatureBatcher;
import io.fruits.features.FeatureExtractor;
import io.fruits.features.ModelDescriptor;
import io.fruits.features.RejectReason;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * The MapReduce edition's feature code in a Spark partition: the model is loaded once per
 * executor JVM (FeatureExtractor keeps it), images go through the same batcher, decoder and
 * pooling, and every image comes out once, as a vector or a reject, in input order. A
 * partition's rows are collected before they are returned: a few MB per thousand images.
 */
final class PartitionExtractor implements FlatMapFunction<Iterator<ReadImage>, FeatureRow> {
  private static final long serialVersionUID = 1L;

  private final ModelDescriptor descriptor;
  private final String modelFile;
  private final boolean shipped;
  private final int threads;
  private final int batchSize;
  private final long maxPixels;
  private final boolean prefetch;

  /**
   * @param modelFile the model's local path, or with {@code shipped} the name given to
   *     {@code SparkContext.addFile}, found on each executor through {@link SparkFiles}
   */
  PartitionExtractor(ModelDescriptor d, String modelFile, boolean shipped, int threads, Configuration conf) {
    this.descriptor = d;
    this.modelFile = modelFile;
    this.shipped = shipped;
    this.threads = threads;
    this.batchSize = FruitsConfigKeys.BATCH_SIZE.getInt(conf);
    this.maxPixels = FruitsConfigKeys.MAX_PIXELS.getLong(conf);
    this.prefetch = FruitsConfigKeys.PREFETCH.getBoolean(conf);
  }

  @Override
  public Iterator<FeatureRow> call(Iterator<ReadImage> images) throws Exception {
    List<FeatureRow> rows = new ArrayList<>();
    java.nio.file.Path file = shipped ? ModelAlone.of(Paths.get(SparkFiles.get(modelFile)).toAbsolutePath().normalize()) : Paths.get(modelFile);
    try (FeatureExtractor extractor = FeatureExtractor.open(descriptor, file, threads);
        FeatureBatcher batcher = new FeatureBatcher(extractor, batchSize, maxPixels, prefetch, new RowSink(rows))) {
      while (images.hasNext()) {
        ReadImage image = images.next();
        String label = ImageId.labelOf(image.id());
        if (image.bytes() == null) {
          rows.add(FeatureRow.reject(image.id(), label, RejectReason.UNREADABLE, image.unreadable())); // rows are sorted by id later
        } else {
          batcher.add(image.id(), label, image.bytes(), image.bytes().length);
        }
      }
      batcher.flush();
    }
    return rows.iterator();
  }

  private static final class RowSink implements FeatureBatcher.Sink {
    private final List<FeatureRow> rows;

    RowSink(List<FeatureRow> rows) {
      this.rows = rows;
    }

    @Override
    public void vector(String id, String label, float[] vector) {
      rows.add(FeatureRow.vector(id, label, vector));
    }

    @Override
    public void reject(String id, String label, RejectReason reason, String detail) {
      rows.add(FeatureRow.reject(id, label, reason, detail));
    }
  }
}
