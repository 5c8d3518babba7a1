package io.fruits.mapreduce;

import io.fruits.features.FeatureExtractor;
import io.fruits.features.ModelDescriptor;
import io.fruits.features.ModelKey;
import io.fruits.features.ModelLocator;
import io.fruits.features.Sha256;
import io.fruits.layout.OutputGuard;
import io.fruits.layout.RunLayout;
import io.fruits.reduction.PcaEstimator;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.Tool;

/**
 * {@code fruits run}: the whole pipeline, stage by stage — pack, features, stats, PCA, projection,
 * CSV merge. Each stage is skipped when an earlier run with the same settings completed it. The
 * last two lines of standard output are the merged features CSV and PCA CSV.
 */
public final class PipelineTool extends Configured implements Tool {
  private final PrintStream out;
  private final PrintStream progress;

  public PipelineTool() {
    this(System.out, System.err);
  }

  PipelineTool(PrintStream out, PrintStream progress) {
    this.out = out;
    this.progress = progress;
  }

  /** Runs with this configuration, as ToolRunner would after parsing generic options. */
  int runWith(Configuration conf, String[] args) throws Exception {
    setConf(conf);
    return run(args);
  }

  @Override
  public int run(String[] args) throws Exception {
    PipelineOptions options = PipelineOptions.parse(args);
    if (options.help()) {
      out.print(Usage.text());
      return 0;
    }
    Configuration conf = getConf();
    options.defines().forEach(conf::set);
    OutputCommitters.configure(conf);
    PcaEstimator estimator = estimator(conf);
    int threads = EngineThreads.choose(conf);
    ModelDescriptor descriptor = ModelConf.localized(conf, descriptor(options.model(), conf));
    Path input = qualify(conf, options.input());
    requireFolder(conf, input);
    java.nio.file.Path modelFile = new ModelLocator().locate(descriptor);
    int dimension;
    try (FeatureExtractor probe = FeatureExtractor.open(descriptor, modelFile, threads)) {
      dimension = probe.dimension();
    }
    int k = FruitsConfigKeys.PCA_K.getInt(conf);
    if (k > dimension) {
      throw new IllegalArgumentException("pca.k=" + k + " exceeds the model's feature dimension " + dimension + "; choose k <= " + dimension);
    }
    progress.printf("[fruits] model %s: %d-d vectors, %d engine thread(s)%n", modelFile.getFileName(), dimension, threads);

    RunLayout layout = new RunLayout(qualify(conf, options.output()));
    prepareOutput(conf, layout, input, settings(conf, input, descriptor, modelFile), options.overwrite());
    PipelineStages stages = new PipelineStages(conf, layout, input, descriptor, modelFile, threads, dimension, estimator, progress);
    for (Stage stage : Stage.values()) {
      stages.run(stage);
      if (stage == options.until()) {
        break;
      }
    }
    stages.times().write(conf, layout.reports());
    progress.printf("[fruits] %s in %.1f s%n", options.until() == Stage.EXPORT ? "done" : "stopped after " + options.until().word(),
        stages.times().total());
    if (options.until() == Stage.EXPORT) {
      progress.println("[fruits] rejects: " + display(conf, layout.rejectsCsv()));
      out.println(display(conf, layout.featuresCsv()));
      out.println(display(conf, layout.pcaCsv()));
    } else {
      out.println(display(conf, layout.root()));
    }
    return 0;
  }

  /** The PCA rule of {@code pca.k} and {@code pca.variance}, checked before any work. */
  public static PcaEstimator estimator(Configuration conf) {
    int k = FruitsConfigKeys.PCA_K.getInt(conf);
    if (k < 0) {
      throw new IllegalArgumentException("pca.k must be 0 (choose by pca.variance) or positive, was " + k);
    }
    return k > 0 ? PcaEstimator.withK(k) : PcaEstimator.withVariance(FruitsConfigKeys.PCA_VARIANCE.getDouble(conf));
  }

  /** A preset name or a descriptor file, then every {@code -D model.*} key on top. */
  public static ModelDescriptor descriptor(String model, Configuration conf) throws IOException {
    Map<String, String> overrides = new TreeMap<>();
    conf.getPropsWithPrefix("model.").forEach((name, value) -> overrides.put("model." + name, value));
    return ModelDescriptor.forModel(model, overrides);
  }

  /** What the run's output depends on, saved as its {@code run.properties}; both editions write it. */
  public static RunSettings settings(Configuration conf, Path input, ModelDescriptor d, java.nio.file.Path modelFile)
      throws IOException {
    RunSettings s = new RunSettings().put("input", input.toString()).put("model.file.sha256", Sha256.of(modelFile));
    d.toMap().forEach((key, value) -> {
      // Where the file was found does not change the output; its checksum above does.
      if (!key.equals(ModelKey.PATH.key()) && !key.equals(ModelKey.DIR.key()) && !key.equals(ModelKey.CACHE_DIR.key())
          && !key.equals(ModelKey.URL.key())) {
        s.put(key, value);
      }
    });
    for (FruitsConfigKeys k : FruitsConfigKeys.values()) {
      if (k != FruitsConfigKeys.ENGINE_THREADS && k != FruitsConfigKeys.MODEL_LOCALIZED && k != FruitsConfigKeys.BATCH_SIZE) {
        s.put(k.key(), k.get(conf));
      }
    }
    return s;
  }

  /** Called after every other check: only then may --overwrite delete an earlier run. */
  private void prepareOutput(Configuration conf, RunLayout layout, Path input, RunSettings settings, boolean overwrite) throws IOException {
    FileSystem fs = layout.root().getFileSystem(conf);
    OutputGuard guard = OutputGuard.forRuns(conf);
    guard.checkApart(layout.root(), input);
    guard.checkWritable(layout.root());
    if (overwrite && guard.deleteForOverwrite(layout.root())) {
      progress.println("[fruits] --overwrite: deleted the earlier run in " + layout.root());
    }
    if (fs.exists(layout.root())) {
      TreeMap<String, String> saved = RunSettings.load(conf, layout.root());
      if (fs.exists(layout.pcaCsv())) {
        throw new IllegalArgumentException("output " + layout.root() + " already holds a finished run; use --overwrite or another --output");
      }
      boolean empty = fs.listStatus(layout.root()).length == 0;
      if (!empty && !settings.values().equals(saved)) {
        throw new IllegalArgumentException(
            "output " + layout.root() + " holds another run (other input, model or settings); use --overwrite or another --output");
      }
      if (!empty) {
        progress.println("[fruits] resuming the unfinished run in " + layout.root());
      }
    }
    fs.mkdirs(layout.root());
    settings.save(conf, layout.root());
  }

  private static void requireFolder(Configuration conf, Path input) throws IOException {
    FileSystem fs = input.getFileSystem(conf);
    if (!fs.exists(input) || !fs.getFileStatus(input).isDirectory()) {
      throw new IllegalArgumentException("input " + input + " is not a folder; point --input at the image tree (one folder per class)");
    }
  }

  private static Path qualify(Configuration conf, String location) throws IOException {
    Path p = new Path(location);
    return p.getFileSystem(conf).makeQualified(p);
  }

  /** A local path for local files (what a person pastes into a shell), the URI otherwise. */
  static String display(Configuration conf, Path p) {
    if ("file".equals(p.toUri().getScheme())) {
      return new File(p.toUri().getPath()).getAbsolutePath();
    }
    return p.toString();
  }
}
