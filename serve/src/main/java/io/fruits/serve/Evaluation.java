package io.fruits.serve;

import io.fruits.classifier.Guess;
import io.fruits.classifier.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The counts of {@code fruits evaluate}: on fruit photos, right at top-1 and within the top 3 (the
 * top class, or one of three, is a class listed for the photo), per family and the most frequent
 * confusions, and how many were answered "sure" and how many of those were right; on photos with
 * no fruit, how often the answer was "not sure". An unreadable fruit photo counts as wrong; an
 * unreadable non-fruit photo as "not sure" (no fruit was named). A fruit photo none of whose
 * classes the classifier has (a fruit the run was not trained on, a folder named after no class)
 * counts as wrong too, and the report says how many there were, so that a score is never read
 * without knowing what it could not reach.
 */
final class Evaluation {
  private int photos;
  private int unreadable;
  private int beyond;
  private final Set<String> known;
  private int top1;
  private int top3;
  private int sure;
  private int sureRight;
  private final Map<String, int[]> families = new TreeMap<>();
  private final Map<String, Integer> confusions = new HashMap<>();
  private final List<Double> nonFruit = new ArrayList<>();
  private int nonFruitSure;
  private int nonFruitUnreadable;

  /** @param known the classes the classifier can answer */
  Evaluation(Set<String> known) {
    this.known = known;
  }

  /** A fruit photo and the answer on it; null when it could not be read. */
  void fruit(PhotoSet.Photo photo, Verdict verdict) {
    List<Guess> top = verdict == null ? null : verdict.top();
    photos++;
    int[] family = families.computeIfAbsent(photo.family(), f -> new int[2]);
    family[0]++;
    if (photo.classes().stream().noneMatch(known::contains)) {
      beyond++;
    }
    if (top == null) {
      unreadable++;
      return;
    }
    boolean right = photo.classes().contains(top.get(0).label());
    if (verdict.sure()) {
      sure++;
      sureRight += right ? 1 : 0;
    }
    if (right) {
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
  void nonFruit(Verdict verdict) {
    if (verdict == null) {
      nonFruitUnreadable++;
    } else {
      nonFruit.add(verdict.familyProbability());
      nonFruitSure += verdict.sure() ? 1 : 0;
    }
  }

  double top1() {
    return photos == 0 ? 0 : top1 / (double) photos;
  }

  double top3() {
    return photos == 0 ? 0 : top3 / (double) photos;
  }

  /** Share of fruit photos answered sure. */
  double sureShare() {
    return photos == 0 ? 0 : sure / (double) photos;
  }

  /** Of the fruit photos answered sure, the share that were right. */
  double sureAccuracy() {
    return sure == 0 ? 0 : sureRight / (double) sure;
  }

  /** Share of non-fruit photos answered "not sure" (unreadable ones included: no fruit was named). */
  double notSureOnNonFruit() {
    int all = nonFruit.size() + nonFruitUnreadable;
    return all == 0 ? 0 : (all - nonFruitSure) / (double) all;
  }

  /** Fruit photos none of whose classes the classifier has. */
  int beyond() {
    return beyond;
  }

  /** @param unlisted files in the folder that its manifest does not name, left unscored */
  String markdown(String title, int unlisted) {
    StringBuilder md = new StringBuilder("## ").append(title).append("\n\n");
    if (photos > 0) {
      String beyondNote = beyond == 0 ? "" : String.format(Locale.ROOT, "; %d of fruits the classifier has no class for, counted wrong", beyond);
      md.append(String.format(Locale.ROOT, "- fruit photos: %d (%d unreadable, counted wrong%s)%n- top-1: %.4f (%d)%n- top-3: %.4f (%d)%n"
          + "- answered sure: %.4f (%d), of which right: %.4f (%d)%n", photos, unreadable, beyondNote, top1(), top1, top3(), top3, sureShare(),
          sure, sureAccuracy(), sureRight));
      if (unlisted > 0) {
        md.append(String.format(Locale.ROOT, "- files in the folder that the manifest does not name, not scored: %d%n", unlisted));
      }
      md.append("\n");
    }
    if (!nonFruit.isEmpty() || nonFruitUnreadable > 0) {
      List<Double> sorted = nonFruit.stream().sorted().toList();
      double median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
      md.append(String.format(Locale.ROOT, "- photos with no fruit: %d (%d unreadable); answered not sure: %.4f;"
          + " median probability of the first family %.4f%n%n", nonFruit.size() + nonFruitUnreadable, nonFruitUnreadable,
          notSureOnNonFruit(), median));
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
