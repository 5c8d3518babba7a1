package io.fruits.mapreduce;

import io.fruits.core.FruitsConfigKeys;
import io.fruits.core.HadoopLockFile;
import io.fruits.core.HadoopRunFolder;
import io.fruits.core.ImageTree;
import io.fruits.core.LockFile;
import io.fruits.core.ModelResolver;
import io.fruits.core.OutputCommitters;
import io.fruits.core.OutputGuard;
import io.fruits.core.RunLayout;
import io.fruits.core.RunLock;
import io.fruits.core.RunReport;
import io.fruits.core.RunSettings;
import io.fruits.core.SettingNames;
import io.fruits.features.FeatureExtractor;
import io.fruits.features.ModelDescriptor;
import io.fruits.reduction.PcaEstimator;
import io.fruits.reduction.PcaMethod;
import java.io.IOException;
import java.io.PrintStream;
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

  public PipelineTool(PrintStream out, PrintStream progress) {
    this.out = out;
    this.progress = progress;
  }

  /** Runs with this configuration, as ToolRunner would after parsing generic options. */
  public int runWith(Configuration conf, String[] args) throws Exception {
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
    SettingNames.check(SettingNames.fromCommandLine(conf), "fruits run --help");
    SettingNames.check(options.defines().keySet(), "fruits run --help");
    options.defines().forEach(conf::set);
    FruitsConfigKeys.checkAll(conf);
    if (options.update() && FruitsConfigKeys.AUGMENT_VARIANTS.getInt(conf) > 0) {
      // An update re-packs and recomputes changed images by id; the variants of a changed image would
      // have to be drawn again too, and their earlier vectors not reused: not built, so refused.
      throw new IllegalArgumentException("--update does not apply to a run with augment.variants > 0; run it anew with --overwrite");
    }
    OutputCommitters.configure(conf);
    PcaEstimator estimator = FruitsConfigKeys.pcaEstimator(conf);
    int threads = EngineThreads.choose(conf);
    ModelDescriptor asked = ModelResolver.descriptor(options.model(), conf); // an unknown preset fails first
    Path input = qualify(conf, options.input());
    ImageTree.requireFolder(conf, input);
    ModelResolver.Resolved model = ModelResolver.resolve(asked, conf);
    ModelDescriptor descriptor = model.descriptor();
    java.nio.file.Path modelFile = model.file();
    int dimension;
    try (FeatureExtractor probe = FeatureExtractor.open(descriptor, modelFile, threads)) {
      dimension = probe.dimension();
    }
    estimator.checkK(dimension);
    PcaMethod method = FruitsConfigKeys.PCA_METHOD.getPcaMethod(conf).resolve(dimension); // before any CNN work
    progress.printf("[fruits] model %s: %d-d vectors, %d engine thread(s), %s PCA%n", modelFile.getFileName(), dimension, threads,
        method.name().toLowerCase(java.util.Locale.ROOT));

    RunLayout layout = new RunLayout(qualify(conf, options.output()));
    RunSettings settings = RunSettings.of(conf, input, descriptor, modelFile);
    Path listing = listing(conf, options); // before --overwrite may delete anything
    RunUpdate update = new RunUpdate(conf, layout);
    if (options.update()) {
      checkUpdatable(conf, layout, settings, update);
    }
    try (RunLock lock = options.update() ? RunLock.take(HadoopLockFile.of(conf, layout.root()), "fruits run")
        : prepareOutput(conf, layout, input, settings, options.overwrite())) {
      return runStages(conf, options, layout, input, listing, descriptor, modelFile, threads, dimension, method, update);
    }
  }

  private int runStages(Configuration conf, PipelineOptions options, RunLayout layout, Path input, Path listing, ModelDescriptor descriptor,
      java.nio.file.Path modelFile, int threads, int dimension, PcaMethod method, RunUpdate update) throws Exception {
    PipelineStages stages =
        new PipelineStages(conf, layout, input, listing, descriptor, modelFile, threads, dimension, method, progress);
    if (update.committing()) {
      progress.println("[fruits] finishing the update that was stopped in " + layout.root());
      update.finishCommit();
    } else if (options.update() && update.apply(stages, progress) == null) {
      progress.println("[fruits] update: nothing new in " + RunLayout.display(input) + " since the run; nothing changed");
      out.println(RunLayout.display(layout.featuresCsv()));
      out.println(RunLayout.display(layout.pcaCsv()));
      return 0;
    }
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
      RunReport.write(new HadoopRunFolder(conf, layout));
      progress.println("[fruits] report: " + RunLayout.display(new Path(layout.root(), RunReport.FILE)));
      progress.println("[fruits] rejects: " + RunLayout.display(layout.rejectsCsv()));
      out.println(RunLayout.display(layout.featuresCsv()));
      out.println(RunLayout.display(layout.pcaCsv()));
    } else {
      out.println(RunLayout.display(layout.root()));
    }
    return 0;
  }

  /**
   * Called after every other check: only then may --overwrite delete an earlier run, and never
   * one that another run is writing. Returns the run folder's lock, taken before anything is written.
   */
  private RunLock prepareOutput(Configuration conf, RunLayout layout, Path input, RunSettings settings, boolean overwrite) throws IOException {
    FileSystem fs = layout.root().getFileSystem(conf);
    OutputGuard guard = OutputGuard.forRuns(conf);
    guard.checkApart(layout.root(), input);
    guard.checkWritable(layout.root());
    LockFile lockFile = HadoopLockFile.of(conf, layout.root());
    RunLock.checkNotHeld(lockFile);
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
            "output " + layout.root() + " holds another run (" + settings.differencesFrom(saved) + "); use --overwrite or another --output");
      }
      if (!empty) {
        progress.println("[fruits] resuming the unfinished run in " + layout.root());
      }
    }
    guard.create(layout.root());
    RunLock lock = RunLock.take(lockFile, "fruits run");
    try {
      settings.save(conf, layout.root());
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    return lock;
  }

  /** {@code --update} needs a finished run (or a stopped update) made with these very settings. */
  private static void checkUpdatable(Configuration conf, RunLayout layout, RunSettings settings, RunUpdate update) throws IOException {
    FileSystem fs = layout.root().getFileSystem(conf);
    TreeMap<String, String> saved = fs.exists(layout.root()) ? RunSettings.load(conf, layout.root()) : null;
    if (saved == null) {
      throw new IllegalArgumentException("output " + layout.root() + " holds no run to update; run once without --update");
    }
    if (!settings.values().equals(saved)) {
      throw new IllegalArgumentException("output " + layout.root()
          + " holds a run with another input, model or settings (" + settings.differencesFrom(saved) + "); --update keeps them: give the same ones");
    }
    if (!fs.exists(layout.pcaCsv()) && !update.committing()) {
      throw new IllegalArgumentException("output " + layout.root() + " holds an unfinished run; finish it without --update first");
    }
  }

  /** The inventory given with {@code --listing}, checked before any work; null without one. */
  private static Path listing(Configuration conf, PipelineOptions options) throws IOException {
    if (options.listing() == null) {
      return null;
    }
    Path listing = qualify(conf, options.listing());
    if (!listing.getFileSystem(conf).isFile(listing)) {
      throw new IllegalArgumentException("listing " + options.listing() + " is not a file; give an S3 Inventory CSV of the input");
    }
    return listing;
  }

  private static Path qualify(Configuration conf, String location) throws IOException {
    Path p = new Path(location);
    return p.getFileSystem(conf).makeQualified(p);
  }
}
