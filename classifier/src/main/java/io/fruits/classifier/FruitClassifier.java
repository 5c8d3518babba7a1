package io.fruits.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Multinomial logistic regression on PCA components (Tribuo's linear SGD with the softmax loss
 * and AdaGrad): one weight vector per class, probabilities that sum to one, and a model small
 * enough to load in a web service. A fixed seed makes training repeatable.
 */
public final class FruitClassifier {
  static final long SEED = 42;

  private final Model<Label> model;
  private final String[] names;

  private FruitClassifier(Model<Label> model) {
    this.model = model;
    this.names = featureNames(model.getFeatureIDMap().size());
  }

  /** Trains on {@code rows}; {@code epochs} passes of SGD over the shuffled rows. */
  public static FruitClassifier train(List<LabelledVector> rows, int epochs) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no training rows; the run's pca.csv has no Training/ ids");
    }
    int d = rows.get(0).values().length;
    String[] names = featureNames(d);
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("fruits pca.csv", labels), labels);
    for (LabelledVector row : rows) {
      data.add(new ArrayExample<>(new Label(row.label()), names, row.values()));
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs, -1, SEED);
    return new FruitClassifier(trainer.train(data));
  }

  /** The {@code k} most probable classes, most probable first. */
  public List<Guess> top(double[] values, int k) {
    Prediction<Label> p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values));
    List<Guess> all = new ArrayList<>();
    for (Map.Entry<String, Label> e : p.getOutputScores().entrySet()) {
      all.add(new Guess(e.getKey(), e.getValue().getScore()));
    }
    all.sort(Comparator.comparingDouble(Guess::probability).reversed().thenComparing(Guess::label));
    return all.subList(0, Math.min(k, all.size()));
  }

  /** How many components the classifier expects. */
  public int dimension() {
    return names.length;
  }

  /**
   * Saves under a temporary name beside {@code file}, then moves it into place in one step, so an
   * interrupted save leaves the previous classifier whole and a service never loads half of one.
   */
  public void save(Path file) throws IOException {
    Path tmp = file.resolveSibling("_" + file.getFileName() + ".tmp");
    model.serializeToFile(tmp);
    java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @SuppressWarnings("unchecked")
  public static FruitClassifier load(Path file) throws IOException {
    Model<?> m = Model.deserializeFromFile(file);
    if (!(m.getOutputIDInfo().getDomain().iterator().next() instanceof Label)) {
      throw new IllegalArgumentException(file + " is not a fruit classifier; train one with fruits classify --run RUN");
    }
    return new FruitClassifier((Model<Label>) m);
  }

  private static String[] featureNames(int d) {
    String[] n = new String[d];
    for (int i = 0; i < d; i++) {
      // Zero-padded so Tribuo's sorted feature map keeps component order.
      n[i] = String.format("pc%04d", i + 1);
    }
    return n;
  }
}
