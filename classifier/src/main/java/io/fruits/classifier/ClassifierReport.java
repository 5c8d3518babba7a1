package io.fruits.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a classifier does on held-out rows: top-1 and top-3 accuracy, precision and recall per
 * class, and the pairs of classes it mixes up most. Counted here from the predictions, not taken
 * from the library's own evaluator.
 */
public final class ClassifierReport {
  /** Actual class, then predicted class (top-1), then count. */
  private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
  private int rows;
  private int top1;
  private int top3;

  public static ClassifierReport evaluate(FruitClassifier classifier, List<LabelledVector> test) {
    ClassifierReport r = new ClassifierReport();
    for (LabelledVector row : test) {
      r.add(row.label(), classifier.top(row.values(), 3));
    }
    return r;
  }

  /** Records one prediction: the actual class and the guesses, best first. */
  void add(String actual, List<Guess> guesses) {
    rows++;
    String predicted = guesses.get(0).label();
    if (predicted.equals(actual)) {
      top1++;
    }
    for (int i = 0; i < Math.min(3, guesses.size()); i++) {
      if (guesses.get(i).label().equals(actual)) {
        top3++;
        break;
      }
    }
    confusion.computeIfAbsent(actual, a -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
  }

  public int rows() {
    return rows;
  }

  public double top1() {
    return rows == 0 ? Double.NaN : (double) top1 / rows;
  }

  public double top3() {
    return rows == 0 ? Double.NaN : (double) top3 / rows;
  }

  /** Of the rows predicted as {@code label}, the share that were {@code label}. */
  public double precision(String label) {
    int predicted = 0;
    for (Map<String, Integer> row : confusion.values()) {
      predicted += row.getOrDefault(label, 0);
    }
    return predicted == 0 ? Double.NaN : (double) count(label, label) / predicted;
  }

  /** Of the rows of {@code label}, the share predicted as {@code label}. */
  public double recall(String label) {
    Map<String, Integer> row = confusion.getOrDefault(label, Map.of());
    int actual = row.values().stream().mapToInt(Integer::intValue).sum();
    return actual == 0 ? Double.NaN : (double) count(label, label) / actual;
  }

  /** Pairs (actual, predicted) with actual != predicted, most frequent first. */
  public List<Map.Entry<String, Integer>> confusedPairs(int most) {
    List<Map.Entry<String, Integer>> pairs = new ArrayList<>();
    confusion.forEach((actual, row) -> row.forEach((predicted, n) -> {
      if (!predicted.equals(actual)) {
        pairs.add(Map.entry(actual + " -> " + predicted, n));
      }
    }));
    pairs.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return pairs.subList(0, Math.min(most, pairs.size()));
  }

  public String markdown(String title) {
    StringBuilder sb = new StringBuilder();
    sb.append("## ").append(title).append("\n\n");
    sb.append(String.format(Locale.ROOT, "%d test images: top-1 %.4f, top-3 %.4f%n%n", rows, top1(), top3()));
    sb.append("### Most confused pairs (actual -> predicted)\n\n| pair | images |\n|---|---:|\n");
    for (Map.Entry<String, Integer> e : confusedPairs(10)) {
      sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
    }
    sb.append("\n### Per class\n\n| class | precision | recall | test images |\n|---|---:|---:|---:|\n");
    TreeSet<String> labels = new TreeSet<>(confusion.keySet());
    confusion.values().forEach(row -> labels.addAll(row.keySet()));
    for (String label : labels) {
      int actual = confusion.getOrDefault(label, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
      sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %d |%n", label, precision(label), recall(label), actual));
    }
    return sb.toString();
  }

  private int count(String actual, String predicted) {
    return confusion.getOrDefault(actual, Map.of()).getOrDefault(predicted, 0);
  }
}
