package io.fruits.classifier;

import io.fruits.core.RunFiles;
import io.fruits.reduction.PcaModel;
import io.fruits.reduction.StandardScalerModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run's feature vectors standardised with the run's own scaler (the one its PCA starts with):
 * what the classifier is trained on and asked about. The classifier takes all the features, not
 * the PCA components: the components keep what varies most among white-background Fruits-360
 * photos, and real photos differ from them in other directions (README, "Real photos").
 */
public final class StandardFeatures {
  private final StandardScalerModel scaler;

  private StandardFeatures(StandardScalerModel scaler) {
    this.scaler = scaler;
  }

  /** The scaler of {@code run}, read from its PCA model. */
  public static StandardFeatures of(Path run) throws IOException {
    Path model = run.resolve(RunFiles.PCA_MODEL);
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException(model + " is missing; give --run a finished run of fruits run (its --output folder)");
    }
    try (Reader r = Files.newBufferedReader(model, StandardCharsets.UTF_8)) {
      return new StandardFeatures(PcaModel.load(r).scaler());
    }
  }

  public int dimension() {
    return scaler.dimension();
  }

  public double[] transform(float[] x) {
    double[] out = new double[x.length];
    scaler.transform(x, out);
    return out;
  }

  /** The rows of {@code run}'s features.csv (this run's or another's of the same model), standardised. */
  public List<LabelledVector> read(Path run) throws IOException {
    return VectorCsv.read(run.resolve(RunFiles.FEATURES_CSV), this::transform);
  }
}
