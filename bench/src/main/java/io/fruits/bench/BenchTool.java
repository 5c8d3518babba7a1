package io.fruits.bench;

import io.fruits.core.CommandLine;
import io.fruits.core.FruitsConfigKeys;
import io.fruits.core.Launcher;
import io.fruits.core.ModelResolver;
import io.fruits.core.OutputGuard;
import io.fruits.core.RunFiles;
import io.fruits.core.RunLayout;
import io.fruits.core.StageTimes;
import io.fruits.features.FeatureExtractor;
import io.fruits.features.ImageBatch;
import io.fruits.features.ImageDecoder;
import io.fruits.features.ImagePreprocessor;
import io.fruits.features.ModelDescriptor;
import io.fruits.features.ModelKey;
import io.fruits.features.ModelLocator;
import io.fruits.features.RejectedImageException;
import io.fruits.mapreduce.EngineThreads;
import io.fruits.mapreduce.JobRunner;
import io.fruits.mapreduce.PipelineTool;
import io.fruits.mapreduce.ResidentMemory;
import io.fruits.reduction.PcaEstimator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code fruits bench}: measures, in one run on this machine, (1) the engine alone on pre-decoded
 * tensors, (2) the whole MapReduce pipeline on a sample of images, (3) the Spark edition on the same
 * images with the same batch size and engine threads, and (4) stats + PCA + projection on a
 * synthetic set of vectors (94,000 x 512 by default: the size of the full Fruits-360), with the
 * projection run again writing Parquet beside CSV, and (5) exact vs randomized PCA on those vectors
 * and on wide ones (a flattened map's 25,088 values), (6) {@code --update} after 1% more images
 * against a fresh run and (7) the pack by the driver and as a job of 1, 2 and 4 map tasks. Prints a
 * Markdown table with the ratios and the goals, and writes it as {@code bench.md}, {@code
 * bench.csv} and {@code bench.html} (with a bar chart).
 */
public final class BenchTool extends Configured implements Tool {
  static final String USAGE = "usage: fruits bench --input IN --model PRESET [--images 2000] [--vectors 94000] [--wide-vectors 5000]"
      + " [--wide-dimension 25088] [--tensorflow-model SAVEDMODEL_DIR] [--output target/bench]"
      + " [-D key=value ...] | fruits bench --input IN --model PRESET --soak N";
  static final CommandLine.Spec SPEC =
      CommandLine.Spec.of("see fruits bench --help", List.of("--input", "--model", "--images", "--vectors", "--wide-vectors", "--wide-dimension", "--tensorflow-model", "--output", "--soak"), List.of(), false);
  static final String BENCH_MARKER = "bench.properties";
  /** Images decoded for the engine-alone rate (about 600 MB of tensors at 224x224)... */
  static final int ENGINE_SAMPLE = 1024;
  /** ...and run through it this many times: 20 s or so here, long enough to be steady. */
  static final int ENGINE_PASSES = 4;
  /** VGG16 at 224x224 runs about 5 images/s here: 64 images, once, on each engine. */
  static final int VGG16_SAMPLE = 64;

  private final PrintStream out;
  private final PrintStream progress;

  public BenchTool() {
    this(System.out, System.err);
  }

  public BenchTool(PrintStream out, PrintStream progress) {
    this.out = out;
    this.progress = progress;
  }

  public static void main(String[] args) {
    System.exit(Launcher.run("fruits bench", System.err, () -> ToolRunner.run(new BenchTool(), args)));
  }

  @Override
  public int run(String[] args) throws Exception {
    CommandLine c = CommandLine.parse(args, SPEC);
    if (c.help()) {
      out.println(USAGE);
      return 0;
    }
    Path input = Paths.get(c.require("--input", "IN (the image folder to sample)"));
    String model = c.require("--model", "PRESET (vgg16, squeezenet1.1, mobilenetv2; squeezenet1.1-imagenet, mobilenetv2-imagenet)");
    int images = (int) c.number("--images", 2000, 1, 10_000_000);
    int vectors = (int) c.number("--vectors", 94_000, 2, 100_000_000);
    // 5,000 by default: at 25,088 values a vector, each randomized pass over 94,000 of them took
    // about 5 minutes on 2 cores (README); --wide-vectors 94000 measures the full size in some 40 minutes.
    int wideVectors = (int) c.number("--wide-vectors", 5_000, 2, 100_000_000);
    int wideDimension = (int) c.number("--wide-dimension", 25_088, 2, 10_000_000);
    Path dir = Paths.get(c.value("--output", "target/bench")).toAbsolutePath();
    Configuration conf = getConf();
    c.defines().forEach(conf::set);
    // The bench deletes and rewrites folders inside dir: only one it made (or a new or empty one).
    new OutputGuard(conf, BENCH_MARKER, "a bench folder").claim(new org.apache.hadoop.fs.Path(dir.toUri()),
        new org.apache.hadoop.fs.Path(input.toAbsolutePath().toUri()), false);
    if (c.value("--soak") != null) {
      return soak(conf, input, model, (int) c.number("--soak", 0, 1, 10_000_000), dir);
    }

    Path sample = dir.resolve("images");
    int copied = ImageSample.copy(input, sample, images);
    progress.printf("[bench] %d images sampled across the classes of %s%n", copied, input);

    // (2) The pipeline first: it also loads the model, so (1) measures a warm engine.
    Path run = dir.resolve("run");
    int code = new PipelineTool(new PrintStream(PrintStream.nullOutputStream()), progress)
        .runWith(conf, new String[] {"--input", sample.toString(), "--output", run.toString(), "--model", model, "--overwrite"});
    if (code != 0) {
      return code;
    }
    Map<String, Double> stages = StageTimes.read(run.resolve(RunFiles.REPORTS));

    // (1) The engine alone, same descriptor, threads and batch size, inputs decoded beforehand.
    int threads = EngineThreads.choose(conf);
    int batch = FruitsConfigKeys.BATCH_SIZE.getInt(conf);
    ModelDescriptor d = ModelResolver.descriptor(model, conf);
    double engineRate = engineRate(d, new ModelLocator().locate(d), threads, batch, sample, Math.min(copied, ENGINE_SAMPLE), ENGINE_PASSES);
    // (1b) The VGG16 stack on ONNX Runtime and on TensorFlow, when a SavedModel of it is given.
    String savedModel = c.value("--tensorflow-model");
    EngineComparison engines = savedModel == null ? null
        : compareEngines(conf, Paths.get(savedModel).toAbsolutePath(), threads, batch, sample, Math.min(copied, VGG16_SAMPLE));

    // (3) The Spark edition on the same images, in its own JVM.
    SparkEditionRun.Result spark = new SparkEditionRun(progress).run(conf, sample, dir.resolve("spark-run"), model, threads, batch);

    // (4) Stats, PCA and projection on synthetic vectors.
    SyntheticVectorsBench.Result synthetic = new SyntheticVectorsBench(conf, progress).run(dir.resolve("synthetic"), vectors, 512);
    // (5) Exact vs randomized PCA, on those vectors and on wide ones.
    List<PcaMethodsBench.Case> pcaMethods =
        new PcaMethodsBench(conf, progress).run(dir.resolve("synthetic"), vectors, dir.resolve("wide"), wideVectors, wideDimension);

    Map<String, Long> counters = JobRunner.readCounters(run.resolve("reports/counters-fruits-features.json"));
    Map<String, Long> bytes = bytesPerStage(conf, run);
    PackBench.Result pack = new PackBench(conf, progress).run(sample, copied, dir, model);
    // (6) Last, since it grows the sample the runs above share.
    UpdateBench.Result update = new UpdateBench(conf, progress).run(input, sample, run, dir.resolve("update-fresh-run"), model);
    EditionComparison report = new EditionComparison(model, copied, batch, threads, engineRate, stages, bytes, spark,
        new EditionComparison.FeatureTimes(counter(counters, "DECODE_MILLIS"), counter(counters, "DECODE_WAIT_MILLIS"),
            counter(counters, "INFERENCE_MILLIS")),
        vectors, synthetic.seconds(), synthetic.formats(), pcaMethods);
    String md = report.markdown() + pack.markdown() + update.markdown() + (engines == null
        ? "\n### Engines\n\nNot measured: write the VGG16 stack with `scripts/fruits savedmodel vgg16 DIR 224` and pass `--tensorflow-model DIR`.\n"
        : engines.markdown());
    Files.writeString(dir.resolve("bench.md"), md, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("bench.csv"), report.csv() + pack.csvRows() + update.csvRows() + (engines == null ? "" : engines.csvRows()), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("bench.html"), report.html(), StandardCharsets.UTF_8);
    progress.println("[bench] written: " + dir.resolve("bench.md") + ", bench.csv, bench.html");
    out.print(md);
    return 0;
  }

  /**
   * Native memory soak: N images (at least 10,000 is the point) through one map task, reporting
   * the task JVM's resident memory at the start, halfway and at the end; flat means nothing leaks.
   */
  private int soak(Configuration conf, Path input, String model, int n, Path dir) throws Exception {
    Path sample = dir.resolve("soak-images");
    int copied = ImageSample.copy(input, sample, n);
    Configuration c = new Configuration(conf);
    c.setLong(FruitsConfigKeys.PACK_TARGET_BYTES.key(), Long.MAX_VALUE);
    c.setLong("mapreduce.input.fileinputformat.split.minsize", Long.MAX_VALUE);
    c.setLong(ResidentMemory.MID, copied / 2);
    Path run = dir.resolve("soak-run");
    int code = new PipelineTool(new PrintStream(PrintStream.nullOutputStream()), progress)
        .runWith(c, new String[] {"--input", sample.toString(), "--output", run.toString(), "--model", model, "--overwrite", "--until", "features"});
    if (code != 0) {
      return code;
    }
    Map<String, Long> counters = JobRunner.readCounters(run.resolve("reports/counters-fruits-features.json"));
    long start = counter(counters, "RSS_START_KB");
    long mid = counter(counters, "RSS_MID_KB");
    long end = counter(counters, "RSS_END_KB");
    String report = String.format(Locale.ROOT,
        "## Native memory soak: %d images through %d map task(s), %s%n%n| point | RSS MB |%n|---|---:|%n"
            + "| start (model loaded) | %.1f |%n| after %d images | %.1f |%n| end | %.1f |%n%nend - middle: %+.1f MB%n",
        copied, mapTasks(run), model, start / 1024.0, copied / 2, mid / 1024.0, end / 1024.0,
        (end - mid) / 1024.0);
    Files.writeString(dir.resolve("soak.md"), report, StandardCharsets.UTF_8);
    out.print(report);
    return 0;
  }

  /** One part file per map task of the feature job. */
  private static long mapTasks(Path run) throws IOException {
    try (var parts = Files.list(run.resolve("features"))) {
      return parts.filter(p -> p.getFileName().toString().startsWith("part-m-")).count();
    }
  }

  /** A counter of a saved counters file, -1 when the job did not count it. */
  private static long counter(Map<String, Long> counters, String name) {
    return counters.getOrDefault(name, -1L);
  }

  /**
   * ONNX Runtime runs the shared random-weight VGG16 export, TensorFlow the SavedModel of the same
   * stack: the vgg16 preset for both, with the SavedModel's Keras names and NHWC layouts.
   */
  private EngineComparison compareEngines(Configuration conf, Path savedModel, int threads, int batch, Path sample, int count)
      throws IOException {
    ModelDescriptor onnx = ModelResolver.descriptor("vgg16", conf).with(ModelKey.FILE, "vgg16-random-notop.onnx");
    ModelDescriptor tf = ModelResolver.descriptor("vgg16", conf)
        .with(ModelKey.ENGINE, ModelDescriptor.TENSORFLOW)
        .with(ModelKey.PATH, savedModel.toString())
        .with(ModelKey.INPUT_NAME, "input_1")
        .with(ModelKey.INPUT_LAYOUT, "NHWC")
        .with(ModelKey.OUTPUT_LAYOUT, "NHWC");
    double onnxRate = engineRate(onnx, new ModelLocator().locate(onnx), threads, batch, sample, count, 1);
    double tfRate = engineRate(tf, new ModelLocator().locate(tf), threads, batch, sample, count, 1);
    return new EngineComparison(count, batch, threads, onnxRate, tfRate);
  }

  private double engineRate(ModelDescriptor d, Path file, int threads, int batchSize, Path sample, int count, int passes) throws IOException {
    List<ImageBatch> batches = new ArrayList<>();
    ImagePreprocessor pre = new ImagePreprocessor(d, ImageDecoder.DEFAULT_MAX_PIXELS);
    ImageBatch current = null;
    int n = 0;
    for (Path p : ImageSample.files(sample)) {
      if (n == count) {
        break;
      }
      byte[] bytes = Files.readAllBytes(p);
      if (current == null || current.count() == batchSize) {
        current = new ImageBatch(d, batchSize);
        batches.add(current);
      }
      try {
        pre.prepare(bytes, bytes.length, current, current.count());
        current.setCount(current.count() + 1);
        n++;
      } catch (RejectedImageException e) {
        // Not an image: the engine rate counts images only.
      }
    }
    try (FeatureExtractor extractor = FeatureExtractor.open(d, file, threads)) {
      extractor.extract(batches.get(0)); // warm-up
      long start = System.nanoTime();
      for (int pass = 0; pass < passes; pass++) {
        for (ImageBatch b : batches) {
          extractor.extract(b);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      progress.printf(Locale.ROOT, "[bench] engine alone (%s, %s): %d images in %.2f s%n", d.engine(), file.getFileName(), n * passes, seconds);
      return n * passes / seconds;
    }
  }

  private static Map<String, Long> bytesPerStage(Configuration conf, Path run) throws IOException {
    RunLayout layout = new RunLayout(new org.apache.hadoop.fs.Path(run.toUri()));
    FileSystem fs = layout.root().getFileSystem(conf);
    Map<String, Long> bytes = new LinkedHashMap<>();
    bytes.put("pack", fs.getContentSummary(layout.packed()).getLength());
    bytes.put("features", fs.getContentSummary(layout.features()).getLength());
    // The stats job's shuffle: what its mappers spilled for the reducer, on local disk.
    Map<String, Long> stats = JobRunner.readCounters(run.resolve("reports/counters-fruits-stats.json"));
    bytes.put("stats", fs.getContentSummary(layout.stats()).getLength() + counter(stats, "Map output materialized bytes"));
    bytes.put("pca", fs.getContentSummary(layout.pca()).getLength());
    bytes.put("projection", fs.getContentSummary(layout.export()).getLength());
    bytes.put("merge", fs.getFileStatus(layout.pcaCsv()).getLen() + fs.getFileStatus(layout.featuresCsv()).getLen()
        + fs.getFileStatus(layout.rejectsCsv()).getLen());
    return bytes;
  }

  static PcaEstimator defaultEstimator() {
    return PcaEstimator.withVariance(0.95);
  }
}
