package io.fruits.classifier;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fruit classifier: multinomial logistic regression ({@link SoftmaxRegression}) on a run's
 * standardised feature vectors: one weight vector per class, probabilities that sum to one, a
 * model of about 0.7 MB that loads in a web service. A fixed seed makes training repeatable.
 */
public final class FruitClassifier {
  static final long SEED = 42;
  private static final String MAGIC = "fruits-softmax-regression-1";

  private final List<String> classes;
  private final int d;
  private final float[] weights;

  private FruitClassifier(List<String> classes, int d, float[] weights) {
    this.classes = classes;
    this.d = d;
    this.weights = weights;
  }

  /** Trains on {@code rows}, each of weight one; {@code epochs} passes over the shuffled rows. */
  public static FruitClassifier train(List<LabelledVector> rows, int epochs) {
    return trainWeighted(rows.stream().map(r -> new TrainingExample(List.of(r.label()), r.values(), 1f)).toList(), epochs);
  }

  public static FruitClassifier trainWeighted(List<TrainingExample> examples, int epochs) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training rows; the run has no Training/ images");
    }
    int d = examples.get(0).values().length;
    TreeSet<String> names = new TreeSet<>();
    examples.forEach(e -> names.addAll(e.labels()));
    List<String> classes = List.copyOf(names);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      index.put(classes.get(i), i);
    }
    List<SoftmaxRegression.Row> rows = new ArrayList<>();
    for (TrainingExample e : examples) {
      if (e.values().length != d) {
        throw new IllegalArgumentException("training rows of " + d + " and " + e.values().length + " values; they come from different models");
      }
      rows.add(new SoftmaxRegression.Row(floats(e.values()), e.labels().stream().mapToInt(index::get).toArray(), e.weight()));
    }
    return new FruitClassifier(classes, d, SoftmaxRegression.fit(rows, d, classes.size(), epochs, SEED));
  }

  /** Every class the classifier knows, sorted: the order of {@link #probabilities}. */
  public List<String> classes() {
    return classes;
  }

  /** The probability of each class, in the order of {@link #classes()}. */
  public double[] probabilities(double[] values) {
    float[] p = new float[classes.size()];
    SoftmaxRegression.probabilities(weights, floats(values), d, classes.size(), p);
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i];
    }
    return out;
  }

  /** The {@code k} most probable classes, most probable first. */
  public List<Guess> top(double[] values, int k) {
    double[] p = probabilities(values);
    List<Guess> all = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      all.add(new Guess(classes.get(i), p[i]));
    }
    all.sort(Comparator.comparingDouble(Guess::probability).reversed().thenComparing(Guess::label));
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  /** How many values the classifier expects. */
  public int dimension() {
    return d;
  }

  /** Saved whole or not at all ({@link ModelFiles#save}). */
  public void save(Path file) throws IOException {
    ModelFiles.save(file, MAGIC, out -> {
      out.writeInt(d);
      out.writeInt(classes.size());
      for (String c : classes) {
        out.writeUTF(c);
      }
      for (float w : weights) {
        out.writeFloat(w);
      }
    });
  }

  public static FruitClassifier load(Path file) throws IOException {
    try (InputStream is = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(is))) {
      if (!ModelFiles.starts(in, MAGIC)) {
        throw new IllegalArgumentException(file.getFileName() + " is not a fruit classifier; train one with fruits classify --run RUN");
      }
      int d = in.readInt();
      int c = in.readInt();
      if (d < 1 || c < 1 || (long) (d + 1) * c > 100_000_000L) {
        throw new IllegalArgumentException(file.getFileName() + " is damaged (" + d + " values, " + c + " classes); train it again");
      }
      List<String> classes = new ArrayList<>();
      for (int i = 0; i < c; i++) {
        classes.add(in.readUTF());
      }
      float[] w = new float[(d + 1) * c];
      for (int i = 0; i < w.length; i++) {
        w[i] = in.readFloat();
      }
      return new FruitClassifier(List.copyOf(classes), d, w);
    }
  }

  private static float[] floats(double[] values) {
    float[] x = new float[values.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) values[i];
    }
    return x;
  }
}
