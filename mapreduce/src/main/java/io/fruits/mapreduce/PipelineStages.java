package io.fruits.mapreduce;

import io.fruits.core.AtomicFile;
import io.fruits.core.CsvMerger;
import io.fruits.core.FruitsConfigKeys;
import io.fruits.core.ImageTree;
import io.fruits.core.RunLayout;
import io.fruits.core.StageTimes;
import io.fruits.features.ModelDescriptor;
import io.fruits.reduction.Moments;
import io.fruits.reduction.ColumnMoments;
import io.fruits.reduction.PcaMethod;
import io.fruits.reduction.RandomizedPca;
import io.fruits.reduction.PcaModel;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;

/**
 * The recipe of one run, a method per {@link Stage}. A stage whose folder an earlier attempt
 * completed ({@code _SUCCESS}) is skipped; one left incomplete is cleared and run again.
 */
final class PipelineStages {
  private final Configuration conf;
  private final RunLayout layout;
  private final Path input;
  /** An inventory of the input ({@code --listing}), or null to list the input itself. */
  private final Path listing;
  private final ModelDescriptor descriptor;
  private final java.nio.file.Path modelFile;
  private final int threads;
  private final int dimension;
  private final PcaMethod method;
  private final PrintStream progress;
  private final JobRunner jobs;
  /** Images in the SequenceFiles when this run packed them; unknown (-1) when it resumed after the pack. */
  private long packedImages = -1;
  private final StageTimes times;

  PipelineStages(Configuration conf, RunLayout layout, Path input, Path listing, ModelDescriptor descriptor,
      java.nio.file.Path modelFile, int threads, int dimension, PcaMethod method, PrintStream progress) {
    this(conf, layout, new StageTimes(), layout.reports(), input, listing, descriptor, modelFile, threads, dimension, method, progress);
  }

  private PipelineStages(Configuration conf, RunLayout layout, StageTimes times, Path reports, Path input, Path listing,
      ModelDescriptor descriptor, java.nio.file.Path modelFile, int threads, int dimension, PcaMethod method, PrintStream progress) {
    this.conf = conf;
    this.layout = layout;
    this.times = times;
    this.input = input;
    this.listing = listing;
    this.descriptor = descriptor;
    this.modelFile = modelFile;
    this.threads = threads;
    this.dimension = dimension;
    this.method = method;
    this.progress = progress;
    this.jobs = new JobRunner(progress, conf, reports);
  }

  /**
   * The same recipe writing its stages under {@code other} (an update's folder), with its timings
   * and job counters still going to this run's reports.
   */
  PipelineStages writingInto(Configuration otherConf, RunLayout other) {
    return new PipelineStages(otherConf, other, times, layout.reports(), input, listing, descriptor, modelFile, threads, dimension, method,
        progress);
  }

  StageTimes times() {
    return times;
  }

  void run(Stage stage) throws Exception {
    long start = System.nanoTime();
    switch (stage) {
      case PACK -> pack(start);
      case AUGMENT -> augment(start);
      case FEATURES -> features(start);
      case STATS -> stats(start);
      case PCA -> pca(start);
      case EXPORT -> export(start);
    }
  }

  private void pack(long start) throws Exception {
    if (RunLayout.isComplete(conf, layout.packed())) {
      return;
    }
    long maxFileBytes = FruitsConfigKeys.PACK_MAX_FILE_BYTES.getLong(conf);
    ImageTree tree =
        listing == null ? ImageTree.scan(conf, input, maxFileBytes) : ImageTree.fromListing(conf, input, listing, maxFileBytes);
    long targetBytes = FruitsConfigKeys.PACK_TARGET_BYTES.getLong(conf);
    long minFiles = FruitsConfigKeys.PACK_JOB_MIN_FILES.getLong(conf);
    PackSummary s;
    String how;
    if (tree.files().size() >= minFiles) {
      PackChunks.Rule chunks = PackChunks.Rule.of(tree, targetBytes, FruitsConfigKeys.PACK_MAP_TASKS.getTasks(conf));
      s = PackJob.pack(conf, jobs, tree, layout.packed(), chunks);
      how = "by a job of " + s.sequenceFiles() + " map task(s)";
    } else {
      s = new SequenceFilePacker(conf, targetBytes, maxFileBytes).pack(tree, layout.packed());
      how = "by the driver (under pack.job.min.files=" + minFiles + ")";
    }
    String note = String.format("%d files (%d bytes) in %d SequenceFile(s) %s, %d skipped (hidden, links, folders that may not be read), %d too large, %d unreadable, %d duplicate(s) kept",
        s.files(), s.bytes(), s.sequenceFiles(), how, s.skipped(), s.tooLarge(), s.unreadable(), s.duplicates());
    times.record("pack", start, note);
    progress.println("[fruits] pack: " + note);
    packedImages = s.files();
  }

  private void augment(long start) throws Exception {
    int variants = FruitsConfigKeys.AUGMENT_VARIANTS.getInt(conf);
    if (variants == 0 || RunLayout.isComplete(conf, layout.augmented())) {
      return;
    }
    clear(layout.augmented());
    Job job = AugmentJob.create(EngineThreads.withoutEngine(conf), layout.packed(), layout.augmented());
    // Per-image CPU work, as in the feature job: the same split rule spreads it over the cluster.
    FeatureSplits.apply(job, FeatureJob.inputBytes(conf, layout.packed()));
    jobs.run(job);
    layout.root().getFileSystem(conf).delete(AugmentJob.partitionFile(layout.augmented()), false);
    org.apache.hadoop.mapreduce.Counters c = job.getCounters();
    String note = String.format(Locale.ROOT, "%d variant(s) of each of %d images (%d left out by %s='%s', %d undecodable, %d failed), %d bytes",
        variants, c.findCounter(AugmentCounters.IMAGES_AUGMENTED).getValue(), c.findCounter(AugmentCounters.IMAGES_LEFT_OUT).getValue(),
        FruitsConfigKeys.AUGMENT_ONLY.key(), FruitsConfigKeys.AUGMENT_ONLY.get(conf),
        c.findCounter(AugmentCounters.IMAGES_UNDECODABLE).getValue(), c.findCounter(AugmentCounters.IMAGES_NOT_AUGMENTED).getValue(),
        c.findCounter(AugmentCounters.VARIANT_BYTES).getValue());
    if (packedImages >= 0) {
      packedImages += c.findCounter(AugmentCounters.VARIANTS_WRITTEN).getValue(); // what the feature job will read
    }
    times.record("augment", start, note);
    progress.println("[fruits] augment: " + note);
  }

  private void features(long start) throws Exception {
    if (RunLayout.isComplete(conf, layout.features())) {
      return;
    }
    clear(layout.features());
    Configuration jobConf = new Configuration(conf);
    jobConf.setInt(FruitsConfigKeys.ENGINE_THREADS.key(), threads);
    boolean augmented = FruitsConfigKeys.AUGMENT_VARIANTS.getInt(conf) > 0;
    Job job = augmented
        ? FeatureJob.createAugmented(jobConf, layout.augmented(), layout.features())
        : FeatureJob.create(jobConf, layout.packed(), layout.features());
    long inputBytes = augmented ? FeatureJob.augmentedBytes(jobConf, layout.augmented()) : FeatureJob.inputBytes(jobConf, layout.packed());
    FeatureSplits.Plan splits = FeatureSplits.apply(job, inputBytes);
    if (splits != null) {
      progress.println("[fruits] features: " + splits.line());
    }
    ModelShipping.ship(job, descriptor, modelFile);
    jobs.runCountingImages(job, packedImages);
    String note = FeatureReport.summary(job);
    times.record("features", start, note);
    progress.println("[fruits] features: " + note);
  }

  private void stats(long start) throws Exception {
    if (RunLayout.isComplete(conf, layout.stats())) {
      return;
    }
    clear(layout.stats());
    Configuration jobConf = EngineThreads.withoutEngine(conf);
    if (method == PcaMethod.RANDOMIZED) {
      jobs.run(ColumnMomentsJob.create(jobConf, layout.features(), layout.stats()));
      times.record("stats", start, "count, mean and deviation per feature (randomized PCA)");
    } else {
      jobs.run(StatsJob.create(jobConf, layout.features(), layout.stats()));
      times.record("stats", start, "");
    }
  }

  private void pca(long start) throws Exception {
    if (RunLayout.isComplete(conf, layout.pca())) {
      return;
    }
    clear(layout.pca());
    PcaModel model;
    long count;
    String how;
    if (method == PcaMethod.RANDOMIZED) {
      ColumnMoments moments = ColumnMomentsJob.read(conf, layout.stats());
      Path passes = new Path(layout.pca(), "passes");
      RandomizedPca.Fit fit = FruitsConfigKeys.randomizedPca(conf)
          .fit(moments, new MapReduceGram(EngineThreads.withoutEngine(conf), jobs, layout.features(), layout.stats(), passes));
      passes.getFileSystem(conf).delete(passes, true);
      model = fit.model();
      count = moments.count();
      how = fit.note();
    } else {
      Moments moments = StatsJob.read(conf, layout.stats());
      model = FruitsConfigKeys.pcaEstimator(conf).fit(moments);
      count = moments.count();
      how = "exact";
    }
    AtomicFile.write(conf, layout.pcaModel(), model::save);
    layout.pca().getFileSystem(conf).create(new Path(layout.pca(), RunLayout.SUCCESS)).close();
    String note = String.format(Locale.ROOT, "%d vectors, k=%d explaining %.4f of the variance (%s)", count, model.k(), model.keptShare(), how);
    times.record("pca", start, note);
    progress.println("[fruits] pca: " + note);
  }

  private void export(long start) throws Exception {
    PcaModel model = ProjectionJob.readModel(conf, layout.pcaModel());
    if (model.dimension() != dimension) {
      throw new IllegalArgumentException("the PCA model in " + layout.pca() + " is for " + model.dimension()
          + "-d vectors but the model yields " + dimension + "; delete that folder to refit it, or use --overwrite");
    }
    if (!RunLayout.isComplete(conf, layout.export())) {
      clear(layout.export());
      jobs.run(ProjectionJob.create(EngineThreads.withoutEngine(conf), layout.features(), layout.pcaModel(), layout.export()));
      times.record("projection", start, "");
      start = System.nanoTime();
    }
    CsvMerger merger = new CsvMerger(conf);
    merger.merge(layout.featureParts(), CsvMerger.header("f", model.dimension()), layout.featuresCsv());
    merger.mergeRejects(layout.featureRejects(), layout.packRejects(), layout.rejectsCsv());
    merger.merge(layout.pcaParts(), CsvMerger.header("pc", model.k()), layout.pcaCsv());
    times.record("merge", start, "features.csv, pca.csv, rejects.csv");
  }

  private void clear(Path stageDir) throws IOException {
    stageDir.getFileSystem(conf).delete(stageDir, true);
  }
}
