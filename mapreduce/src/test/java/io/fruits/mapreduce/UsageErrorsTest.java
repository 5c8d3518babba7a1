package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.FruitsConfigKeys;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong usage fails fast, before any work, with exit code 2 and one line that says what to do. */
class UsageErrorsTest {
  @TempDir Path tmp;

  private PipelineRun run(Configuration conf, String... args) {
    return PipelineRun.of(conf, args);
  }

  private static void assertOneLine(PipelineRun r, String expected) {
    assertEquals(2, r.exitCode, r.stderr);
    assertEquals("fruits: " + expected + "\n", r.stderr);
  }

  @Test
  void missingOptionsAreNamed() {
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y"),
        "missing --model PRESET|DESCRIPTOR (vgg16, squeezenet1.1, mobilenetv2, their -imagenet classifiers or a .properties file); see fruits run --help");
    assertOneLine(run(new Configuration(), "--inputt", "x"), "unknown option '--inputt'; see fruits run --help");
  }

  @Test
  void updateTakesNeitherOverwriteNorUntil() {
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y", "--model", "squeezenet1.1", "--update", "--overwrite"),
        "--update keeps the run and --overwrite deletes it: give one of them");
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y", "--model", "squeezenet1.1", "--update", "--until", "pack"),
        "--update runs every stage after the features: drop --until");
  }

  /** Hadoop keeps any name it is given: a mistyped setting ran with the default and said nothing. */
  @Test
  void aMistypedSettingFailsFastWithTheOneMeant() {
    assertOneLine(run(new Configuration(), "-D", "pca.kk=3", "--input", "x", "--output", "y", "--model", "squeezenet1.1"),
        "-D pca.kk is no setting of fruits; did you mean pca.k? (settings: fruits run --help)");
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y", "--model", "squeezenet1.1", "-D", "feature.batch.size=4"),
        "-D feature.batch.size is no setting of fruits; did you mean features.batch.size? (settings: fruits run --help)");
  }

  @Test
  void anOutputHadoopCannotGlobFailsFast() {
    Path colon = tmp.resolve("run:2");
    assertOneLine(run(new Configuration(), "--input", "x", "--output", colon.toString(), "--model", "squeezenet1.1"),
        "--output " + colon + ": Hadoop cannot read a run back from a folder with ':' in its name (it takes what comes before it for a URI scheme);"
            + " give --output a name without ':'");
    assertTrue(!java.nio.file.Files.exists(colon));
  }

  @Test
  void unknownPresetFailsFast() {
    assertOneLine(run(new Configuration(), "--input", "x", "--output", tmp.resolve("o").toString(), "--model", "resnet50"),
        "unknown model preset 'resnet50'; use vgg16, squeezenet1.1, mobilenetv2, their -imagenet classifiers or a descriptor file");
  }

  @Test
  void missingDescriptorFile() {
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y", "--model", tmp.resolve("m.properties").toString()),
        "model descriptor " + tmp.resolve("m.properties") + " does not exist; give a preset name or a .properties file");
  }

  @Test
  void badPcaSettingsFailBeforeAnyWork() {
    Configuration conf = new Configuration();
    conf.set("pca.variance", "1.5");
    assertOneLine(run(conf, "--input", "x", "--output", "y", "--model", "squeezenet1.1"), "pca.variance is '1.5'; give a number in (0, 1]");
    conf = new Configuration();
    conf.set("pca.k", "-1");
    assertOneLine(run(conf, "--input", "x", "--output", "y", "--model", "squeezenet1.1"),
        "pca.k is '-1'; give a whole number from 0 to 2147483647 (number of principal components; 0: choose by pca.variance)");
  }

  @Test
  void everySettingIsCheckedBeforeAnyWork() {
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y", "--model", "squeezenet1.1", "-D", "features.batch.size=abc"),
        "features.batch.size is 'abc'; give a whole number from 1 to 2147483647 (images per inference batch)");
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y", "--model", "squeezenet1.1", "-D", "stats.chunk.records=0"),
        "stats.chunk.records is '0'; give a whole number from 1 to 2147483647 (vectors per partial sum in the statistics job, on average;"
            + " ids are hashed, so every split layout gives the same sums)");
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y", "--model", "squeezenet1.1", "-D", "output.formats=csv,csv"),
        "output.formats is 'csv,csv'; give csv or csv,parquet (csv (always written: classify, predict and the bench read it),"
            + " or csv,parquet for Parquet part files beside it)");
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y", "--model", "squeezenet1.1", "-D", "features.prefetch=yes"),
        "features.prefetch is 'yes'; give true or false (decode the next batch on a helper thread while the engine runs the current one)");
  }

  @Test
  void settingsAfterTheNamedOptionsApply() {
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y", "--model", "squeezenet1.1", "-D", "pca.variance=1.5"),
        "pca.variance is '1.5'; give a number in (0, 1]");
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y", "--model", "squeezenet1.1", "-Dpca.k=-1"),
        "pca.k is '-1'; give a whole number from 0 to 2147483647 (number of principal components; 0: choose by pca.variance)");
    assertOneLine(run(new Configuration(), "--input", "x", "--output", "y", "--model", "squeezenet1.1", "-D", "pca.k"),
        "-D pca.k is not key=value; see fruits run --help");
  }

  @Test
  void anAugmentedRunIsNotUpdated() {
    Configuration conf = new Configuration();
    conf.setInt("augment.variants", 2);
    assertOneLine(run(conf, "--input", tmp.toString(), "--output", "y", "--model", "squeezenet1.1", "--update"),
        "--update does not apply to a run with augment.variants > 0; run it anew with --overwrite");
  }

  @Test
  void oversubscriptionIsRefused() {
    Configuration conf = new Configuration();
    int cores = Runtime.getRuntime().availableProcessors();
    conf.setInt("engine.threads", cores);
    conf.setInt("mapreduce.local.map.tasks.maximum", 2);
    PipelineRun r = run(conf, "--input", "x", "--output", "y", "--model", "squeezenet1.1");
    assertOneLine(r, String.format("engine.threads=%d x mapreduce.local.map.tasks.maximum=2 oversubscribes the %d cores; "
        + "lower one of them so their product is <= %d", cores, cores, cores));
  }

  @Test
  void modelNotFoundSaysWhereItLooked() {
    Configuration conf = new Configuration();
    conf.set("model.cache.dir", tmp.toString());
    PipelineRun r = run(conf, "--input", tmp.toString(), "--output", "y", "--model", "vgg16");
    assertEquals(2, r.exitCode);
    assertTrue(r.stderr.startsWith("fruits: model file vgg16-notop.onnx is in neither model.dir (unset) nor " + tmp), r.stderr);
  }

  @Test
  void missingInputFailsBeforeTheModelIsLoaded() {
    assertOneLine(run(new Configuration(), "--input", tmp.resolve("nope").toString(), "--output", "y", "--model", "vgg16"),
        "input file:" + tmp.resolve("nope") + " is not a folder; point --input at the image tree (one folder per class)");
  }

  @Test
  void helpListsEveryKey() {
    PipelineRun r = run(new Configuration(), "--help");
    assertEquals(0, r.exitCode);
    String help = String.join("\n", r.stdout);
    for (FruitsConfigKeys k : FruitsConfigKeys.values()) {
      assertTrue(k == FruitsConfigKeys.MODEL_LOCALIZED || help.contains(k.key()), k.key());
    }
    for (io.fruits.features.ModelKey k : io.fruits.features.ModelKey.values()) {
      assertTrue(help.contains(k.key()), k.key());
    }
  }
}
