package io.fruits.serve;

import io.fruits.classifier.Guess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of {@code fruits evaluate}: on fruit photos, right at top-1 and within the top 3 (the
 * top class, or one of three, is a class listed for the photo), per family and the most frequent
 * confusions; on photos with no fruit, how confident the answer was. An unreadable photo counts
 * as wrong.
 */
final class Evaluation {
  /** The probability from which an answer on a non-fruit photo counts as naming a fruit. */
  static final double CONFIDENT = 0.5;

  private int photos;
  private int unreadable;
  private int top1;
  private int top3;
  private final Map<String, int[]> families = new TreeMap<>();
  private final Map<String, Integer> confusions = new HashMap<>();
  private final List<Double> nonFruit = new ArrayList<>();
  private int nonFruitUnreadable;

  /** A fruit photo and the classifier's top classes, most probable first; null when it could not be read. */
  void fruit(PhotoSet.Photo photo, List<Guess> top) {
    photos++;
    int[] family = families.computeIfAbsent(photo.family(), f -> new int[2]);
    family[0]++;
    if (top == null) {
      unreadable++;
      return;
    }
    if (photo.classes().contains(top.get(0).label())) {
      top1++;
      family[1]++;
    } else {
      confusions.merge(photo.family() + " → " + top.get(0).label(), 1, Integer::sum);
    }
    if (top.stream().anyMatch(g -> photo.classes().contains(g.label()))) {
      top3++;
    }
  }

  /** A photo with no fruit; null when it could not be read (no fruit named: fine). */
  void nonFruit(List<Guess> top) {
    if (top == null) {
      nonFruitUnreadable++;
    } else {
      nonFruit.add(top.get(0).probability());
    }
  }

  double top1() {
    return photos == 0 ? 0 : top1 / (double) photos;
  }

  double top3() {
    return photos == 0 ? 0 : top3 / (double) photos;
  }

  /** Share of readable non-fruit photos answered with a fruit at {@link #CONFIDENT} or more. */
  double confidentOnNonFruit() {
    return nonFruit.isEmpty() ? 0 : nonFruit.stream().filter(p -> p >= CONFIDENT).count() / (double) nonFruit.size();
  }

  String markdown(String title) {
    StringBuilder md = new StringBuilder("## ").append(title).append("\n\n");
    if (photos > 0) {
      md.append(String.format(Locale.ROOT, "- fruit photos: %d (%d unreadable, counted wrong)%n- top-1: %.4f (%d)%n- top-3: %.4f (%d)%n%n",
          photos, unreadable, top1(), top1, top3(), top3));
    }
    if (!nonFruit.isEmpty() || nonFruitUnreadable > 0) {
      List<Double> sorted = nonFruit.stream().sorted().toList();
      double median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
      md.append(String.format(Locale.ROOT, "- photos with no fruit: %d (%d unreadable); named a fruit with probability >= %.2f: %.4f;"
          + " median top probability %.4f%n%n", nonFruit.size() + nonFruitUnreadable, nonFruitUnreadable, CONFIDENT,
          confidentOnNonFruit(), median));
    }
    if (photos > 0) {
      md.append("### Per family\n\n| family | photos | top-1 |\n|---|---:|---:|\n");
      families.forEach((f, c) -> md.append(String.format(Locale.ROOT, "| %s | %d | %.3f |%n", f, c[0], c[1] / (double) c[0])));
      md.append("\n### Most frequent confusions (family → top-1 class)\n\n| confusion | photos |\n|---|---:|\n");
      confusions.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
          .limit(15)
          .forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
    }
    return md.toString();
  }
}
