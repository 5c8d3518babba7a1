package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import io.fruits.reduction.PcaModel;
import io.fruits.reduction.StandardScalerModel;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model or a saved PCA that does not fit fails fast, with exit code 2 and one line. */
class WrongModelIT {
  @TempDir Path tmp;
  Path in;
  Configuration conf;

  @BeforeEach
  void images() throws Exception {
    in = tmp.resolve("in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Test"), in, 2, 3);
    conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
  }

  private PipelineRun run(String... defines) {
    Configuration c = new Configuration(conf);
    for (int i = 0; i < defines.length; i += 2) {
      c.set(defines[i], defines[i + 1]);
    }
    return PipelineRun.of(c, "--input", in.toString(), "--output", tmp.resolve("out").toString(), "--model", "squeezenet1.1");
  }

  /** Exit code 2, and the error is the last line of standard error, the only one of its kind. */
  private static void assertOneLine(PipelineRun r, String start) {
    assertEquals(2, r.exitCode, r.stderr);
    java.util.List<String> errors = r.stderr.lines().filter(l -> !l.startsWith("[fruits]")).toList();
    assertEquals(1, errors.size(), r.stderr);
    assertTrue(errors.get(0).startsWith("fruits: " + start), r.stderr);
  }

  @Test
  void aFileThatIsNotAModel() throws Exception {
    Path fake = Files.writeString(tmp.resolve("model.onnx"), "not a network");
    PipelineRun r = run("model.path", fake.toString(), "model.sha256", "");
    assertOneLine(r, "model " + fake + " cannot be loaded by the OnnxRuntime engine (");
    assertTrue(r.stderr.endsWith("; check -Dmodel.path and -Dmodel.engine\n"), r.stderr);
    assertEquals(1, r.stderr.lines().count(), "fails before any work: " + r.stderr);
    assertFalse(Files.exists(tmp.resolve("out")), "nothing was written");
  }

  @Test
  void anOutputThatPoolingCannotReduce() {
    PipelineRun r = run("model.path", SharedData.models().resolve("mobilenetv2-12-int8.onnx").toString(), "model.sha256", "",
        "model.input.name", "input", "model.output.name", "output");
    assertOneLine(r, "model output output has shape [1, 1000], which max pooling cannot reduce; "
        + "name a 4-d feature map with -Dmodel.output.name or use -Dmodel.pooling=flatten");
  }

  @Test
  void anOutputNameTheModelDoesNotHave() {
    assertOneLine(run("model.output.name", "fc7"), "model has no output 'fc7' (it has [fire9/concat_1]); fix -Dmodel.output.name");
  }

  @Test
  void anInputSizeTheModelRejects() {
    PipelineRun r = run("model.path", SharedData.models().resolve("squeezenet1.1.onnx").toString(), "model.sha256", "",
        "model.output.name", "softmaxout_1", "model.input.width", "100", "model.input.height", "100");
    assertOneLine(r, "the model rejected a 100x100 NCHW input (");
  }

  @Test
  void exactPcaOfAFlattenedMapIsRefusedBeforeAnyCnnWork() {
    PipelineRun r = run("model.pooling", "flatten", "pca.method", "exact");
    assertOneLine(r, "pca.method=exact needs three 86,528 x 86,528 matrices of doubles (179.7 GB) for these 86,528-d vectors; "
        + "use pca.method=randomized or auto");
    assertFalse(Files.exists(tmp.resolve("out")), "nothing was written");
  }

  @Test
  void moreComponentsThanTheModelHasDimensions() {
    assertOneLine(run("pca.k", "513"), "pca.k=513 exceeds the model's feature dimension 512; choose k <= 512");
  }

  @Test
  void aSavedPcaModelOfAnotherDimension() throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(0, PipelineRun.of(conf, "--input", in.toString(), "--output", out.toString(), "--model", "squeezenet1.1",
        "--until", "pca").exitCode);
    StandardScalerModel scaler = new StandardScalerModel(new double[3], new double[] {1, 1, 1});
    try (Writer w = Files.newBufferedWriter(out.resolve("pca/model.txt"))) {
      new PcaModel(scaler, new double[][] {{1, 0, 0}}, new double[] {1, 0, 0}, new double[] {1, 0, 0}).save(w);
    }
    Files.delete(out.resolve("pca/.model.txt.crc")); // Hadoop's checksum would catch the swap first
    PipelineRun r = PipelineRun.of(conf, "--input", in.toString(), "--output", out.toString(), "--model", "squeezenet1.1");
    assertOneLine(r, "the PCA model in file:" + out.resolve("pca") + " is for 3-d vectors but the model yields 512; "
        + "delete that folder to refit it, or use --overwrite");
  }
}
