package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.RunFiles;
import io.fruits.features.ColourHistogram;
import io.fruits.reduction.PcaModel;
import io.fruits.reduction.StandardScalerModel;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the classifier is given: the run's standardised values, the colour histogram's weighed by
 * {@link StandardFeatures#HISTOGRAM_WEIGHT} when the run has one; and photo runs whose vectors
 * are of another space are refused.
 */
class StandardFeaturesTest {
  private static final int CNN = 2;
  private static final int D = CNN + ColourHistogram.SIZE;

  @TempDir Path tmp;

  @Test
  void theHistogramIsWeighedOnlyWhenTheRunHasOne() throws Exception {
    float[] x = new float[D];
    Arrays.fill(x, 3f);
    double[] plain = StandardFeatures.of(pca(), Map.of()).transform(x);
    double[] coloured = StandardFeatures.of(pca(), Map.of("model.histogram", "hsv")).transform(x);
    for (int i = 0; i < D; i++) {
      assertEquals((3 - 1) / 2.0, plain[i], 1e-12, "(x - mean) / std at " + i);
      assertEquals(i < CNN ? plain[i] : plain[i] * StandardFeatures.HISTOGRAM_WEIGHT, coloured[i], 1e-12, "value " + i);
    }
    Path run = run("coloured", Map.of("model.file.sha256", "ab", "model.histogram", "hsv"));
    assertArrayEquals(coloured, StandardFeatures.of(run).transform(x), 1e-12, "read from the run's own files");
  }

  @Test
  void aClassifierIsGivenAllTheValuesOrTheCnnsAlone() {
    StandardFeatures coloured = StandardFeatures.of(pca(), Map.of("model.histogram", "hsv"));
    double[] v = new double[D];
    Arrays.setAll(v, i -> i);
    assertTrue(coloured.forClassifier(v, D) == v, "the classifier of photos on white: all");
    assertArrayEquals(new double[] {0, 1}, coloured.forClassifier(v, CNN), "the classifier of real photos: the CNN's values");
    assertTrue(!coloured.fits(D - 1));
    String message = assertThrows(IllegalArgumentException.class, () -> coloured.forClassifier(v, 7)).getMessage();
    assertTrue(message.contains("train it again"), message);
    StandardFeatures plain = StandardFeatures.of(pca(), Map.of());
    assertTrue(plain.fits(D) && !plain.fits(CNN), "without a histogram there is one way only");
  }

  @Test
  void aPhotoRunOfAnotherVectorSpaceIsRefused() throws Exception {
    Path run = run("run", Map.of("model.file.sha256", "ab", "model.histogram", "hsv", "model.dir", "/here"));
    StandardFeatures features = StandardFeatures.of(run);
    Map<String, List<String>> classes = Map.of("Kiwi", List.of("Kiwi 1"));
    Path plain = run("photos", Map.of("model.file.sha256", "ab", "model.dir", "/here"));
    String message = assertThrows(IllegalArgumentException.class, () -> PhotoRows.read(run, features, plain))
        .getMessage();
    assertTrue(message.contains("model.histogram=none"), message);
    Path elsewhere = run("photos-elsewhere", Map.of("model.file.sha256", "AB", "model.histogram", "hsv", "model.dir", "/there"));
    assertEquals(1, PhotoRows.labelled(PhotoRows.read(run, features, elsewhere), classes, Set.of("Kiwi 1")).size(), "where the file is does not matter");
  }

  private static PcaModel pca() {
    double[] mean = new double[D];
    double[] std = new double[D];
    Arrays.fill(mean, 1);
    Arrays.fill(std, 2);
    double[] component = new double[D];
    component[0] = 1;
    double[] eigenvalues = new double[D];
    eigenvalues[0] = 1;
    return new PcaModel(new StandardScalerModel(mean, std), new double[][] {component}, eigenvalues, eigenvalues);
  }

  private Path run(String name, Map<String, String> settings) throws Exception {
    Path run = Files.createDirectories(tmp.resolve(name).resolve("pca")).getParent();
    try (Writer w = Files.newBufferedWriter(run.resolve(RunFiles.PCA_MODEL), StandardCharsets.UTF_8)) {
      pca().save(w);
    }
    StringBuilder properties = new StringBuilder();
    settings.forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
    Files.writeString(run.resolve(RunFiles.SETTINGS), properties);
    StringBuilder csv = new StringBuilder("id,label");
    for (int i = 1; i <= D; i++) {
      csv.append(",f").append(i);
    }
    csv.append("\nKiwi/1.jpg,Kiwi").append(",0.5".repeat(D)).append('\n');
    Files.writeString(run.resolve(RunFiles.FEATURES_CSV), csv);
    return run;
  }
}
