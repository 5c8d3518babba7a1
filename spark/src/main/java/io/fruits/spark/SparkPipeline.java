package io.fruits.spark;

import io.fruits.core.AtomicFile;
import io.fruits.core.CsvMerger;
import io.fruits.core.CsvRows;
import io.fruits.core.FruitsConfigKeys;
import io.fruits.core.HadoopLockFile;
import io.fruits.core.HadoopRunFolder;
import io.fruits.core.ImageId;
import io.fruits.core.ImageTree;
import io.fruits.core.LockFile;
import io.fruits.core.ModelResolver;
import io.fruits.core.OutputGuard;
import io.fruits.core.RunLayout;
import io.fruits.core.RunLock;
import io.fruits.core.RunReport;
import io.fruits.core.RunSettings;
import io.fruits.core.StageTimes;
import io.fruits.features.FeatureExtractor;
import io.fruits.features.ModelDescriptor;
import io.fruits.reduction.EnoughVectors;
import io.fruits.reduction.PcaEstimator;
import io.fruits.reduction.PcaMethod;
import io.fruits.reduction.PcaModel;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark edition's recipe, stage by stage: read the images into memory, extract features with
 * the shared code, fit Spark ML's StandardScaler and the PCA ({@link SparkPca}), project, write
 * the same CSVs into the same layout as the MapReduce edition. Each stage is materialised (cached
 * and counted) before the next starts, so the timing report says where the time goes; intermediate
 * data stays in memory, which is the point of the comparison. A run is all or nothing: no resume.
 */
final class SparkPipeline {
  static final String[] STAGES = {"read", "features", "stats", "pca", "projection", "write"};

  private final SparkSession spark;
  private final JavaSparkContext jsc;
  private final SparkOptions options;
  private final PrintStream progress;
  private final StageTimes times = new StageTimes();

  SparkPipeline(SparkSession spark, SparkOptions options, PrintStream progress) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.options = options;
    this.progress = progress;
  }

  /** Runs every stage; returns the layout of the finished run. */
  RunLayout run() throws IOException {
    Configuration hadoop = jsc.hadoopConfiguration();
    Path out = new Path(options.output);
    FileSystem outFs = out.getFileSystem(hadoop);
    RunLayout layout = new RunLayout(outFs.makeQualified(out));
    // The -D settings are in the Hadoop configuration (SparkMain puts them there): read them with
    // the MapReduce edition's keys and rules, so they mean the same in both editions.
    FruitsConfigKeys.checkAll(hadoop);
    if (FruitsConfigKeys.OUTPUT_FORMATS.getFormats(hadoop).contains("parquet")) {
      // Said, not ignored: a user who asked for Parquet must not find only CSVs after the run.
      throw new IllegalArgumentException("output.formats=parquet is written by the MapReduce edition only (fruits run); "
          + "this edition writes CSV");
    }
    if (FruitsConfigKeys.AUGMENT_VARIANTS.getInt(hadoop) > 0) {
      // The training-data stage belongs to the product's pipeline; the Spark edition is the runtime comparison's.
      throw new IllegalArgumentException("augment.variants is a stage of the MapReduce edition only (fruits run); this edition does not augment");
    }
    PcaEstimator rule = FruitsConfigKeys.pcaEstimator(hadoop);
    ModelResolver.Resolved model = ModelResolver.resolve(ModelResolver.descriptor(options.model, hadoop), hadoop);
    ModelDescriptor d = model.descriptor();
    java.nio.file.Path modelFile = model.file();
    int threads = TaskThreads.of(spark.sparkContext().getConf().getInt("spark.task.cpus", 1), hadoop);
    int dimension;
    try (FeatureExtractor probe = FeatureExtractor.open(d, modelFile, threads)) {
      dimension = probe.dimension(); // a wrong model or pooling fails here, before any task
    }
    rule.checkK(dimension);
    if (FruitsConfigKeys.PCA_METHOD.getPcaMethod(hadoop).resolve(dimension) == PcaMethod.RANDOMIZED) {
      // Spark ML's PCA forms the d x d covariance; the randomized passes are the MapReduce edition's.
      throw new IllegalArgumentException(String.format(Locale.ROOT, "pca.method=randomized (auto's choice above %,d features) is run by the "
          + "MapReduce edition only (fruits run); this edition fits PCA exactly: -D pca.method=exact takes up to %,d features",
          PcaMethod.AUTO_EXACT_MAX, PcaMethod.EXACT_MAX));
    }
    Path input = new Path(options.input);
    input = input.getFileSystem(hadoop).makeQualified(input);
    // Only now, with every setting checked, may --overwrite delete an earlier run.
    try (RunLock lock = prepareOutput(hadoop, layout, input)) {
      RunSettings.of(hadoop, input, d, modelFile).save(hadoop, layout.root());
      return runStages(hadoop, layout, input, d, modelFile, threads, dimension, rule);
    }
  }

  private RunLayout runStages(Configuration hadoop, RunLayout layout, Path input, ModelDescriptor d, java.nio.file.Path modelFile,
      int threads, int dimension, PcaEstimator rule) throws IOException {
    long start = System.nanoTime();
    stage("read");
    ImageTree tree = ImageTree.scan(hadoop, input, FruitsConfigKeys.PACK_MAX_FILE_BYTES.getLong(hadoop));
    int partitions = Math.max(jsc.defaultParallelism(), (tree.files().size() + 1999) / 2000);
    JavaRDD<ReadImage> images =
        jsc.parallelize(ImageBytesReader.pairs(tree.files()), partitions)
            .mapPartitions(new ImageBytesReader(hadoop))
            .persist(StorageLevel.MEMORY_ONLY());
    long read = images.count();
    done("read", start, String.format(Locale.ROOT, "%d files in %d partitions (%d skipped, %d too large to read)", read, partitions,
        tree.skipped().size(), tree.tooLarge().size()));

    start = System.nanoTime();
    stage("features");
    JavaRDD<FeatureRow> rows = images.mapPartitions(new PartitionExtractor(d, shipModel(modelFile), !jsc.isLocal(), threads, hadoop))
        .persist(StorageLevel.MEMORY_ONLY());
    long rejects = rows.filter(FeatureRow::isReject).count();
    images.unpersist();
    done("features", start, String.format(Locale.ROOT, "%d vectors of %d values, %d rejects", read - rejects, dimension, rejects));
    EnoughVectors.require(read - rejects);
    JavaRDD<FeatureRow> accepted = rows.filter(r -> !r.isReject());

    start = System.nanoTime();
    stage("stats");
    Dataset<Row> vectors = spark.createDataFrame(accepted.map(SparkPipeline::toRow), schema());
    StandardScalerModel scaler = SparkPca.fitScaler(vectors);
    Dataset<Row> scaled = scaler.transform(vectors).select(SparkPca.SCALED).persist(StorageLevel.MEMORY_ONLY());
    long count = scaled.count();
    done("stats", start, count + " vectors: mean and standard deviation");
    EnoughVectors.requireVariation(count, scaler.std().toArray());

    start = System.nanoTime();
    stage("pca");
    PcaModel model = new SparkPca(rule).fit(scaler, scaled);
    scaled.unpersist();
    scaler.write().overwrite().save(new Path(layout.pca(), "spark-scaler").toString());
    AtomicFile.write(hadoop, layout.pcaModel(), model::save);
    int k = model.k();
    done("pca", start, String.format(Locale.ROOT, "k=%d explaining %.4f of the variance", k, model.keptShare()));

    start = System.nanoTime();
    stage("projection");
    JavaRDD<String> pcaLines = SparkPca.project(jsc, model, accepted).persist(StorageLevel.MEMORY_ONLY());
    pcaLines.count();
    done("projection", start, k + " components per vector");

    start = System.nanoTime();
    stage("write");
    SparkCsv.saveParts(accepted.map(SparkCsv::featureRow), layout.featureParts(), hadoop);
    SparkCsv.saveParts(pcaLines, layout.pcaParts(), hadoop);
    // Files too large to read are rejects too; all in id order, as the MapReduce edition writes them.
    List<FeatureRow> rejectRows = new java.util.ArrayList<>(rows.filter(FeatureRow::isReject).collect());
    tree.tooLarge().keySet().forEach(id -> rejectRows.add(
        FeatureRow.reject(id, ImageId.labelOf(id), io.fruits.features.RejectReason.TOO_LARGE, tree.tooLargeDetail(id))));
    rejectRows.sort((a, b) -> ImageId.BYTE_ORDER.compare(a.id, b.id));
    List<String> rejectLines = rejectRows.stream().map(SparkCsv::rejectRow).toList();
    CsvMerger merger = new CsvMerger(hadoop);
    merger.merge(layout.featureParts(), CsvMerger.header("f", dimension), layout.featuresCsv());
    merger.merge(layout.pcaParts(), CsvMerger.header("pc", k), layout.pcaCsv());
    SparkCsv.write(hadoop, layout.rejectsCsv(), CsvRows.REJECTS_HEADER, rejectLines);
    done("write", start, "features.csv, pca.csv, rejects.csv and their part files");
    rows.unpersist();
    pcaLines.unpersist();

    times.write(hadoop, layout.reports());
    RunReport.write(new HadoopRunFolder(hadoop, layout));
    return layout;
  }

  /** Returns the run folder's lock, taken before anything is written; another run's folder is never deleted. */
  private RunLock prepareOutput(Configuration hadoop, RunLayout layout, Path input) throws IOException {
    OutputGuard guard = OutputGuard.forRuns(hadoop);
    guard.checkApart(layout.root(), input);
    LockFile lockFile = HadoopLockFile.of(hadoop, layout.root());
    RunLock.checkNotHeld(lockFile);
    FileSystem fs = layout.root().getFileSystem(hadoop);
    if (fs.exists(layout.root()) && fs.listStatus(layout.root()).length > 0 && !options.overwrite) {
      throw new IllegalArgumentException("output " + layout.root() + " already exists; use --overwrite or another --output");
    }
    if (guard.deleteForOverwrite(layout.root())) {
      progress.println("[fruits-spark] --overwrite: deleted the earlier run in " + layout.root());
    }
    guard.create(layout.root());
    return RunLock.take(lockFile, "fruits spark");
  }

  /**
   * In local mode the executors share the driver's JVM and disk, so they read the model where
   * the driver found it (and share its loaded copy); on a cluster it travels with the job, like
   * the MapReduce edition's distributed cache.
   */
  private String shipModel(java.nio.file.Path modelFile) {
    if (jsc.isLocal()) {
      return modelFile.toString();
    }
    jsc.addFile(modelFile.toUri().toString());
    return modelFile.getFileName().toString();
  }

  private void stage(String name) {
    jsc.setJobGroup(name, "fruits " + name, false);
  }

  private void done(String stage, long start, String note) {
    times.record(stage, start, note);
    progress.printf(Locale.ROOT, "[fruits-spark] %s: %s%n", stage, note);
  }

  private static Row toRow(FeatureRow r) {
    double[] v = new double[r.vector.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.vector[i];
    }
    return RowFactory.create(r.id, r.label, Vectors.dense(v));
  }

  private static StructType schema() {
    return new StructType()
        .add("id", DataTypes.StringType, false)
        .add("label", DataTypes.StringType, false)
        .add(SparkPca.FEATURES, SQLDataTypes.VectorType(), false);
  }
}
