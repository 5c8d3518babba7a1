package io.fruits.classifier;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * How far to trust the classifier, fit on rows it never trained on: a temperature that turns its
 * probabilities into calibrated ones (temperature scaling, Guo et al. 2017: one parameter, so it
 * cannot change which class comes first), and the confidence from which an answer is "sure" —
 * the lowest at which the held-out answers given as sure are right at least {@link #TARGET_PRECISION}
 * of the time. Below it the product says "not sure" rather than a confident wrong fruit.
 *
 * @param temperature divides the log-probabilities; above 1 the classifier was over-confident
 * @param threshold the family probability from which an answer is sure (infinite: never)
 * @param rows held-out rows the threshold was fit on
 * @param coverage weighted share of those rows answered sure
 * @param precision weighted share of the sure answers that were right
 * @param produceMin the least {@link ProduceScore} of a sure answer, from the ImageNet classifier of
 *     the same backbone: the {@value #PRODUCE_RECALL} share of the training photos reach it (NaN: no
 *     ImageNet classifier was given, no such check)
 */
public record Calibration(double temperature, double threshold, int rows, double coverage, double precision, double produceMin) {
  /** "When we say sure, we are right nine times out of ten." */
  public static final double TARGET_PRECISION = 0.9;
  /** The share of real fruit photos the ImageNet check lets through. */
  public static final double PRODUCE_RECALL = 0.95;
  /** For a classifier saved before calibration existed: its own probabilities, sure from one half. */
  public static final Calibration NONE = new Calibration(1, 0.5, 0, Double.NaN, Double.NaN, Double.NaN);

  /** One held-out row: the classifier's probabilities, which classes are right for it, its weight. */
  public record Case(double[] probabilities, boolean[] right, double weight) {}

  /** {@code p} after temperature scaling: proportional to {@code p^(1/T)}, summing to one. */
  public double[] apply(double[] p) {
    return scale(p, temperature);
  }

  /** Sure when the family is probable enough and, if there is an ImageNet check, the photo shows produce. */
  public boolean sure(double familyProbability, double produce) {
    return familyProbability >= threshold && (Double.isNaN(produceMin) || produce >= produceMin);
  }

  /** This calibration with the ImageNet check fit on the produce scores of real fruit photos. */
  public Calibration withProduceScores(List<Double> scores) {
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("no photo has an ImageNet score; give the ImageNet run of the same photos");
    }
    double min = reachedBy(scores.stream().mapToDouble(Double::doubleValue).toArray(), PRODUCE_RECALL);
    return new Calibration(temperature, threshold, rows, coverage, precision, min);
  }

  /** The highest of {@code values} that at least the {@code share} of them reach: the cut of a check that lets that share through. */
  static double reachedBy(double[] values, double share) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[(int) Math.floor((1 - share) * sorted.length)];
  }

  /**
   * Fits the temperature on {@code cases} (minimum weighted negative log-likelihood that the
   * answer is one of the right classes), then the threshold on the same cases with the family
   * probability that {@code families} computes.
   */
  public static Calibration fit(List<Case> cases, Families families) {
    double t = temperature(cases);
    record Scored(double confidence, boolean right, double weight) {}
    List<Scored> scored = new ArrayList<>();
    for (Case c : cases) {
      double[] q = scale(c.probabilities(), t);
      int top = Families.argmax(q);
      scored.add(new Scored(families.probability(q, top), c.right()[top], c.weight()));
    }
    scored.sort(Comparator.comparingDouble(Scored::confidence).reversed());
    double total = scored.stream().mapToDouble(Scored::weight).sum();
    double answered = 0;
    double right = 0;
    double threshold = Double.POSITIVE_INFINITY;
    double coverage = 0;
    double precision = Double.NaN;
    for (Scored s : scored) {
      answered += s.weight();
      right += s.right() ? s.weight() : 0;
      if (right / answered >= TARGET_PRECISION) {
        threshold = s.confidence();
        coverage = answered / total;
        precision = right / answered;
      }
    }
    return new Calibration(t, threshold, scored.size(), coverage, precision, Double.NaN);
  }

  /** Golden-section search on log T in [1/20, 50]; the likelihood is unimodal in T. */
  static double temperature(List<Case> cases) {
    double lo = Math.log(0.05);
    double hi = Math.log(50);
    double g = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 80; i++) {
      double a = hi - g * (hi - lo);
      double b = lo + g * (hi - lo);
      if (nll(cases, Math.exp(a)) <= nll(cases, Math.exp(b))) {
        hi = b;
      } else {
        lo = a;
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  static double nll(List<Case> cases, double t) {
    double sum = 0;
    for (Case c : cases) {
      double[] q = scale(c.probabilities(), t);
      double p = 0;
      for (int i = 0; i < q.length; i++) {
        p += c.right()[i] ? q[i] : 0;
      }
      sum -= c.weight() * Math.log(Math.max(p, 1e-300));
    }
    return sum;
  }

  static double[] scale(double[] p, double t) {
    double[] q = new double[p.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < p.length; i++) {
      q[i] = Math.log(Math.max(p[i], 1e-300)) / t;
      max = Math.max(max, q[i]);
    }
    double sum = 0;
    for (int i = 0; i < q.length; i++) {
      q[i] = Math.exp(q[i] - max);
      sum += q[i];
    }
    for (int i = 0; i < q.length; i++) {
      q[i] /= sum;
    }
    return q;
  }

  public String properties() {
    return String.format(Locale.ROOT, "# fruits classify: temperature scaling and the \"sure\" threshold, fit on held-out rows%n"
        + "temperature=%s%nthreshold=%s%ntarget.precision=%s%nheld.out.rows=%d%nheld.out.coverage=%s%nheld.out.precision=%s%n"
        + "imagenet.produce.min=%s%n", temperature, threshold, TARGET_PRECISION, rows, coverage, precision, produceMin);
  }

  public static Calibration parse(String text) throws IOException {
    Properties p = new Properties();
    try (Reader r = new StringReader(text)) {
      p.load(r);
    }
    try {
      return new Calibration(Double.parseDouble(p.getProperty("temperature")), Double.parseDouble(p.getProperty("threshold")),
          Integer.parseInt(p.getProperty("held.out.rows")), Double.parseDouble(p.getProperty("held.out.coverage")),
          Double.parseDouble(p.getProperty("held.out.precision")), Double.parseDouble(p.getProperty("imagenet.produce.min", "NaN")));
    } catch (NullPointerException | NumberFormatException e) {
      throw new IllegalArgumentException("not a calibration file (temperature, threshold, held.out.*); retrain: fruits classify --run RUN");
    }
  }
}
