package io.fruits.classifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The classifier with its calibration: what {@code predict}, the page and {@code evaluate} ask. */
public final class CalibratedClassifier {
  private final FruitClassifier classifier;
  private final Calibration calibration;
  private final Families families;
  private final Familiarity familiarity;

  public CalibratedClassifier(FruitClassifier classifier, Calibration calibration, FruitCatalogue catalogue) {
    this(classifier, calibration, Families.of(classifier.classes(), catalogue), Familiarity.NONE);
  }

  private CalibratedClassifier(FruitClassifier classifier, Calibration calibration, Families families, Familiarity familiarity) {
    this.classifier = classifier;
    this.calibration = calibration;
    this.families = families;
    this.familiarity = familiarity;
  }

  /** This classifier, sure only of photos that {@code f} finds near enough to its training photos. */
  public CalibratedClassifier with(Familiarity f) {
    if (f.photos() > 0 && f.dimension() != classifier.dimension()) {
      throw new IllegalArgumentException("the familiarity check has photos of " + f.dimension() + " values, the classifier takes "
          + classifier.dimension() + "; train again: fruits classify --run RUN");
    }
    return new CalibratedClassifier(classifier, calibration, families, f);
  }

  /** Loads both files; a run classified before calibration existed gets {@link Calibration#NONE}. */
  public static CalibratedClassifier load(Path classifierFile, Path calibrationFile, FruitCatalogue catalogue) throws IOException {
    Calibration c = Files.isRegularFile(calibrationFile)
        ? Calibration.parse(Files.readString(calibrationFile, StandardCharsets.UTF_8))
        : Calibration.NONE;
    return new CalibratedClassifier(FruitClassifier.load(classifierFile), c, catalogue);
  }

  /** The {@code k} first classes for PCA components {@code values}; {@code produce} is the photo's {@link ProduceScore} or NaN. */
  public Verdict judge(double[] values, int k, double produce) {
    return judge(List.of(values), k, produce);
  }

  /**
   * The same for several views of one photo: their calibrated probabilities are averaged. The first
   * view is the whole photo, which the familiarity check was fit on.
   */
  public Verdict judge(List<double[]> views, int k, double produce) {
    double[] q = new double[classifier.classes().size()];
    for (double[] values : views) {
      double[] p = calibration.apply(classifier.probabilities(values));
      for (int i = 0; i < q.length; i++) {
        q[i] += p[i] / views.size();
      }
    }
    List<Guess> all = new ArrayList<>();
    for (int i = 0; i < q.length; i++) {
      all.add(new Guess(classifier.classes().get(i), q[i]));
    }
    all.sort(Comparator.comparingDouble(Guess::probability).reversed().thenComparing(Guess::label));
    double family = families.probability(q, Families.argmax(q));
    boolean sure = calibration.sure(family, produce) && familiarity.familiar(views.get(0));
    return new Verdict(List.copyOf(all.subList(0, Math.min(k, all.size()))), family, produce, sure);
  }

  public int dimension() {
    return classifier.dimension();
  }

  /** The classes it can answer. */
  public List<String> classes() {
    return classifier.classes();
  }

  public Calibration calibration() {
    return calibration;
  }
}
