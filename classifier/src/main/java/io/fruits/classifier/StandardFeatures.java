package io.fruits.classifier;

import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import io.fruits.features.ColourHistogram;
import io.fruits.features.ModelKey;
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
 * what the classifier is trained on and asked about, in {@code classify} as in {@code predict}.
 * The classifier takes all the features, not the PCA components: the components keep what varies
 * most among white-background Fruits-360 photos, and real photos differ from them in other
 * directions (README, "Real photos").
 */
public final class StandardFeatures {
  /**
   * How much the colour histogram's values ({@code model.histogram=hsv}) weigh after the
   * standardisation: 58 of them beside 1280 CNN values go under the classifier's penalty at equal
   * scale. Of 1, 3 and 5, 3 (README, "Real photos").
   */
  static final double HISTOGRAM_WEIGHT = 3;

  private final StandardScalerModel scaler;
  private final int histogramFrom;

  private StandardFeatures(StandardScalerModel scaler, boolean histogram) {
    if (histogram && scaler.dimension() <= ColourHistogram.SIZE) {
      throw new IllegalArgumentException("the run says its vectors end with a colour histogram of " + ColourHistogram.SIZE
          + " values but they have " + scaler.dimension() + "; run it again");
    }
    this.scaler = scaler;
    this.histogramFrom = histogram ? scaler.dimension() - ColourHistogram.SIZE : scaler.dimension();
  }

  /** The scaler of {@code run}, read from its PCA model, and whether its vectors end with a colour histogram. */
  public static StandardFeatures of(Path run) throws IOException {
    Path model = run.resolve(RunFiles.PCA_MODEL);
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException(model + " is missing; give --run a finished run of fruits run (its --output folder)");
    }
    try (Reader r = Files.newBufferedReader(model, StandardCharsets.UTF_8)) {
      return of(PcaModel.load(r), RunFolder.local(run).properties(RunFiles.SETTINGS));
    }
  }

  /** From a run's PCA model and its settings ({@code run.properties}). */
  public static StandardFeatures of(PcaModel pca, java.util.Map<String, String> settings) {
    return new StandardFeatures(pca.scaler(), "hsv".equals(settings.get(ModelKey.HISTOGRAM.key())));
  }

  public int dimension() {
    return scaler.dimension();
  }

  /** The CNN's values alone: what a classifier of real photos takes ({@link #forClassifier}). */
  public int withoutHistogram() {
    return histogramFrom;
  }

  /**
   * The values of {@code standardised} that a classifier of {@code inputs} values takes: all, or
   * the CNN's alone. The classifier of photos on white takes the colour histogram; the one of real
   * photos does not, since another camera's colours are not the shop's (README, "Real photos").
   */
  public double[] forClassifier(double[] standardised, int inputs) {
    if (!fits(inputs)) {
      throw new IllegalArgumentException("a classifier takes " + inputs + " values and the run makes " + dimension()
          + "; train it again: fruits classify --run RUN");
    }
    return inputs == standardised.length ? standardised : java.util.Arrays.copyOf(standardised, inputs);
  }

  /** Whether a classifier of {@code inputs} values was trained on this run's values: all of them, or the CNN's alone. */
  public boolean fits(int inputs) {
    return inputs == dimension() || inputs == histogramFrom;
  }

  public double[] transform(float[] x) {
    double[] out = new double[x.length];
    scaler.transform(x, out);
    for (int i = histogramFrom; i < out.length; i++) {
      out[i] *= HISTOGRAM_WEIGHT;
    }
    return out;
  }

  /**
   * {@code head}, which takes a vector's first values as the CNN made them, on this run's
   * standardised rows instead ({@link ImagenetHead#onStandardised}): the rows classify and predict hold.
   */
  public ImagenetHead onStandardised(ImagenetHead head) {
    if (head.inputs() > histogramFrom) {
      throw new IllegalArgumentException("the ImageNet layer takes " + head.inputs() + " values and the run's CNN makes " + histogramFrom
          + "; give the classifier of the run's own model");
    }
    return head.onStandardised(scaler.mean(), scaler.std());
  }

  /** The rows of {@code run}'s features.csv (this run's or another's of the same model), standardised. */
  public List<LabelledVector> read(Path run) throws IOException {
    return VectorCsv.read(run.resolve(RunFiles.FEATURES_CSV), this::transform);
  }
}
