package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.RunFiles;
import io.fruits.features.SharedData;
import io.fruits.reduction.PcaModel;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The randomized PCA in the pipeline, on real SqueezeNet vectors of the shared sample: its top
 * eigenvalues and subspace against the exact method's, its bytes under another split layout, and
 * a flattened feature map (86,528 values an image) that the exact method refuses.
 */
class RandomizedPcaIT {
  private static final int K = 10;
  @TempDir static Path tmp;
  static Path in;

  @BeforeAll
  static void images() throws Exception {
    SharedData.require();
    in = tmp.resolve("in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Training"), in, 141, 8);
  }

  private static PipelineRun run(String out, String... defines) {
    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    for (int i = 0; i < defines.length; i += 2) {
      conf.set(defines[i], defines[i + 1]);
    }
    PipelineRun r = PipelineRun.of(conf, "--input", in.toString(), "--output", tmp.resolve(out).toString(), "--model", "squeezenet1.1");
    assertEquals(0, r.exitCode, r.stderr);
    return r;
  }

  private static PcaModel model(String out) throws Exception {
    try (Reader r = Files.newBufferedReader(tmp.resolve(out).resolve(RunFiles.PCA_MODEL))) {
      return PcaModel.load(r);
    }
  }

  @Test
  void closeToTheExactMethodAndTheSameBytesForAnySplitLayout() throws Exception {
    run("exact", "pca.method", "exact", "pca.k", Integer.toString(K));
    PipelineRun randomized = run("randomized", "pca.method", "randomized", "pca.k", Integer.toString(K), "pca.power.iterations", "3");
    assertTrue(randomized.stderr.contains("k=10 explaining"), randomized.stderr);
    assertTrue(randomized.stderr.contains("(randomized: l=25, 3 power iteration(s), 5 passes)"), randomized.stderr);
    PcaModel exact = model("exact");
    PcaModel fast = model("randomized");

    double worst = 0;
    for (int i = 0; i < K; i++) {
      double e = exact.eigenvalues()[i];
      worst = Math.max(worst, Math.abs(fast.eigenvalues()[i] - e) / e);
      assertEquals(e, fast.eigenvalues()[i], 1e-3 * e, "eigenvalue " + (i + 1));
    }
    System.out.printf("[RandomizedPcaIT] worst relative eigenvalue error %.2e%n", worst);
    // Principal angles between the two k-dimensional subspaces: the cosines are the singular
    // values of U_exact^T U_randomized; the largest angle has the smallest cosine.
    double[][] cross = new double[K][K];
    for (int i = 0; i < K; i++) {
      for (int j = 0; j < K; j++) {
        double dot = 0;
        for (int f = 0; f < exact.dimension(); f++) {
          dot += exact.component(i)[f] * fast.component(j)[f];
        }
        cross[i][j] = dot;
      }
    }
    RealMatrix m = new Array2DRowRealMatrix(cross, false);
    double[] cosines = new SingularValueDecomposition(m).getSingularValues();
    double largest = Math.toDegrees(Math.acos(Math.min(1, cosines[K - 1])));
    System.out.printf("[RandomizedPcaIT] largest principal angle %.3f degrees%n", largest);
    assertTrue(largest < 1.0, "largest principal angle " + largest + " degrees");

    // Many map tasks over the features instead of one: the same model and CSV, byte for byte.
    run("split", "pca.method", "randomized", "pca.k", Integer.toString(K), "pca.power.iterations", "3", "mapreduce.input.fileinputformat.split.maxsize", "200000");
    assertTrue(Files.list(tmp.resolve("split/export/csv/pca")).filter(p -> p.getFileName().toString().startsWith("part-m-")).count() > 4,
        "the split size made several map tasks");
    for (String file : new String[] {RunFiles.PCA_MODEL, RunFiles.PCA_CSV}) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("randomized").resolve(file)), Files.readAllBytes(tmp.resolve("split").resolve(file)), file);
    }
  }

  /** A flattened map of 24 images through the pipeline with the default pca.method (auto) and k = 4. */
  private static PcaModel flattened(String out, String preset, int dimension, String... defines) throws Exception {
    Path few = tmp.resolve("few");
    if (!Files.exists(few)) {
      ImageTrees.copySubset(in, few, 4, 6);
    }
    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    conf.set("model.pooling", "flatten");
    conf.set("pca.k", "4");
    for (int i = 0; i < defines.length; i += 2) {
      conf.set(defines[i], defines[i + 1]);
    }
    PipelineRun r = PipelineRun.of(conf, "--input", few.toString(), "--output", tmp.resolve(out).toString(), "--model", preset);
    assertEquals(0, r.exitCode, r.stderr);
    assertTrue(r.stderr.contains(dimension + "-d vectors, ") && r.stderr.contains("randomized PCA"), r.stderr);
    PcaModel model = model(out);
    assertEquals(dimension, model.dimension());
    assertEquals(4, model.k());
    var rows = ImageTrees.rows(tmp.resolve(out).resolve(RunFiles.PCA_CSV));
    assertEquals(24, rows.size());
    assertEquals(2 + 4, rows.get(0).size());
    return model;
  }

  @Test
  void squeezeNetFlattenedTo86528ValuesGoesThroughTheRandomizedPcaByDefault() throws Exception {
    flattened("flat", "squeezenet1.1", 86_528);
  }

  @Test
  void vgg16ShapedFeaturesFlattenedToo() throws Exception {
    // The random-weight VGG16 stack at 128 x 128: block5_pool is 4 x 4 x 512 = 8,192 values, above
    // auto's exact limit, at a sixth of the CNN cost of 224 x 224 (25,088 values).
    flattened("vgg16", "vgg16", 8192, "model.path", SharedData.models().resolve("vgg16-random-notop.onnx").toString(), "model.sha256", "",
        "model.input.width", "128", "model.input.height", "128");
  }
}
