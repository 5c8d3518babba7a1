package io.fruits.classifier;

import io.fruits.features.augment.Augmenter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What {@code fruits classify} does between reading the rows and writing the files: hold rows out,
 * fit the calibration with a classifier that never saw them, then train the classifier kept on
 * every row, which takes that calibration over.
 */
final class ClassifierTraining {
  static final int PHOTOS_HELD_OUT = 30;
  static final int FRUITS_HELD_OUT = 10;

  record Result(FruitClassifier classifier, Calibration calibration) {}

  private ClassifierTraining() {}

  /** {@code imagenet} may be null (no ImageNet check). */
  static Result run(List<LabelledVector> training, List<PhotoRow> photos, ImagenetRun imagenet, int epochs) {
    requireTwoClasses(training, photos);
    // Photos are held out by the run of shots they belong to: one shot's neighbours are near copies.
    // A variant (augment.variants) goes where its image goes, and only images are judged: the
    // calibration must describe photos as they come, not as the augmentation draws them.
    List<PhotoRow> fitPhotos = photos.stream().filter(p -> !heldPhoto(p.id())).toList();
    List<PhotoRow> heldPhotos = photos.stream().filter(p -> heldPhoto(p.id()) && !Augmenter.isVariant(p.id())).toList();
    // Without photos, Training rows are held out for the calibration; with them, none are.
    List<LabelledVector> heldFruits = photos.isEmpty()
        ? training.stream().filter(r -> heldFruit(r.id()) && !Augmenter.isVariant(r.id())).toList() : List.of();
    List<LabelledVector> fitFruits = photos.isEmpty() ? training.stream().filter(r -> !heldFruit(r.id())).toList() : training;
    // The classifier kept does not depend on the calibration: both train at once, one per core
    // (each is one thread; the same numbers as one after the other, each with its own seeded order).
    CompletableFuture<FruitClassifier> kept = CompletableFuture.supplyAsync(() -> FruitClassifier.trainWeighted(examples(training, photos), epochs));
    FruitClassifier withoutHeldOut = FruitClassifier.trainWeighted(examples(fitFruits, fitPhotos), epochs);
    Calibration fitted = calibrate(withoutHeldOut, heldFruits, heldPhotos);
    Calibration calibration = imagenet == null ? fitted : fitted.withProduceScores(imagenet.produceScores());
    return new Result(joined(kept), calibration);
  }

  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * One class is nothing to tell apart: it got as far as the calibration, whose held-out rows
   * were then "none left", a message that sent the user after more images of the same class.
   */
  static void requireTwoClasses(List<LabelledVector> training, List<PhotoRow> photos) {
    TreeSet<String> classes = classes(training);
    photos.forEach(p -> classes.addAll(p.classes()));
    if (classes.size() == 1) {
      throw new IllegalArgumentException("a classifier needs at least 2 classes; the run's Training/ images and photos have 1 ("
          + classes.first() + "): give it images of at least 2 classes");
    }
  }

  /** The classes of {@code rows}, in order. */
  static TreeSet<String> classes(List<LabelledVector> rows) {
    TreeSet<String> classes = new TreeSet<>();
    rows.forEach(r -> classes.add(r.label()));
    return classes;
  }

  static boolean heldPhoto(String id) {
    return HeldOut.isHeldOut(ShotGroup.of(Augmenter.sourceOf(id)), PHOTOS_HELD_OUT);
  }

  static boolean heldFruit(String id) {
    return HeldOut.isHeldOut(Augmenter.sourceOf(id), FRUITS_HELD_OUT);
  }

  /** Fruits-360 rows of weight one; the photos, together, as heavy as they. */
  static List<TrainingExample> examples(List<LabelledVector> fruits, List<PhotoRow> photos) {
    List<TrainingExample> examples = new ArrayList<>();
    for (LabelledVector r : fruits) {
      examples.add(new TrainingExample(List.of(r.label()), r.values(), 1f));
    }
    double each = photos.isEmpty() ? 0 : Math.max(1, fruits.size()) / (double) photos.size();
    for (PhotoRow p : photos) {
      examples.add(new TrainingExample(p.classes(), p.values(), (float) each));
    }
    return examples;
  }

  static Calibration calibrate(FruitClassifier classifier, List<LabelledVector> fruits, List<PhotoRow> photos) {
    List<String> classes = classifier.classes();
    List<Calibration.Case> cases = new ArrayList<>();
    for (LabelledVector r : fruits) {
      cases.add(new Calibration.Case(classifier.probabilities(r.values()), right(classes, List.of(r.label())), 1));
    }
    for (PhotoRow p : photos) {
      cases.add(new Calibration.Case(classifier.probabilities(p.values()), right(classes, p.classes()), 1));
    }
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("no rows are left to fit the calibration on; give more Training images or photos");
    }
    return Calibration.fit(cases, Families.of(classes, FruitCatalogue.load()));
  }

  private static boolean[] right(List<String> classes, List<String> labels) {
    boolean[] right = new boolean[classes.size()];
    for (String l : labels) {
      int i = classes.indexOf(l);
      if (i >= 0) {
        right[i] = true;
      }
    }
    return right;
  }
}
