package io.fruits.classifier;

import io.fruits.core.Csv;
import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A pipeline run of the real photos through the whole ImageNet classifier ({@code -D model.file=
 * <full model> -D model.pooling=flatten}: 1000 values per photo, made by the same pack and feature
 * jobs as any run): the produce scores of the photos, and the model keys that {@code predict} needs
 * to run the same classifier on a new photo. Or the same scores from a feature run's own vectors
 * through the classifier's last layer ({@link #ofRows}), when its file allows it.
 *
 * @param ids the images' ids, in the order of {@code produceScores}
 * @param modelKeys the classifier's {@code model.*} keys; with {@link #FROM}={@value #FROM_VECTORS}
 *     when {@code predict} applies its last layer to the photo's vector instead of running it
 */
public record ImagenetRun(List<String> ids, List<Double> produceScores, Map<String, String> modelKeys) {
  /** The key in {@link RunFiles#IMAGENET} that says where the scores come from. */
  public static final String FROM = "imagenet.from";
  public static final String FROM_VECTORS = "vectors";

  /**
   * The produce scores of {@code rows} through {@code head}, the last layer of the ImageNet classifier
   * that {@code keys} describe, taking the rows as they are (standardised: {@link StandardFeatures#onStandardised}).
   */
  public static ImagenetRun ofRows(List<LabelledVector> rows, ImagenetHead head, Map<String, String> keys) {
    // Both cores: 11,280 Training rows by 1280 x 1000 weights take some 9 s on one (before training, which waits for them).
    List<Double> scores = rows.parallelStream().map(r -> head.produce(r.values())).toList();
    Map<String, String> withSource = new TreeMap<>(keys);
    withSource.put(FROM, FROM_VECTORS);
    return new ImagenetRun(rows.stream().map(LabelledVector::id).toList(), scores, withSource);
  }

  public static ImagenetRun read(Path run) throws IOException {
    Path features = run.resolve(RunFiles.FEATURES_CSV);
    if (!Files.isRegularFile(features)) {
      throw new IllegalArgumentException(run + " is not a finished run; run the photos through the ImageNet classifier first"
          + " (fruits run --input PHOTOS --output " + run + " --model PRESET -D model.file=FULL_MODEL.onnx -D model.pooling=flatten ...)");
    }
    List<String> ids = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    try (Csv.Records records = Csv.records(Files.newBufferedReader(features, StandardCharsets.UTF_8))) {
      Iterator<List<String>> it = records.iterator();
      List<String> header = it.hasNext() ? it.next() : List.of();
      if (header.size() != ProduceScore.IMAGENET_CLASSES + 2) {
        throw new IllegalArgumentException(run + " does not hold 1000 ImageNet outputs per photo; run the photos with the full classifier"
            + " and -D model.pooling=flatten, without model.histogram");
      }
      while (it.hasNext()) {
        List<String> f = it.next();
        float[] x = new float[ProduceScore.IMAGENET_CLASSES];
        for (int i = 0; i < x.length; i++) {
          x[i] = Float.parseFloat(f.get(i + 2));
        }
        ids.add(f.get(0));
        scores.add(ProduceScore.of(x));
      }
    }
    Map<String, String> keys = new TreeMap<>();
    RunFolder.local(run).properties(RunFiles.SETTINGS).forEach((k, v) -> {
      if (k.startsWith("model.")) {
        keys.put(k, v);
      }
    });
    return new ImagenetRun(ids, scores, keys);
  }

  /**
   * Fails with one line unless this run holds the images {@code expected} names, no more and no
   * fewer: the produce threshold is what 95% of them reach, and a run of other images (the Training
   * images given for the photos, a run with the Test images in it) would set it by photos nobody
   * chose, silently. One leading folder either side may differ ({@code Training/} when the run read
   * {@code fruits-360/Training}, the class folders of a run that read the parent folder).
   *
   * @param option the option that named this run; {@code what} names the images it must hold
   */
  public void requireImagesOf(Collection<String> expected, String option, String what) {
    Set<String> mine = new HashSet<>(ids);
    Set<String> theirs = new HashSet<>(expected);
    List<Alignment> alignments = List.of(new Alignment(mine, theirs), new Alignment(mine, withoutFirstFolder(theirs)),
        new Alignment(withoutFirstFolder(mine), theirs));
    if (alignments.stream().anyMatch(Alignment::same)) {
      return;
    }
    // The alignment that shares the most images (the first of equals) is the one the user meant; the message counts by it.
    Alignment best = alignments.stream().max(Comparator.comparingLong(Alignment::shared)).orElseThrow();
    Set<String> foreign = new HashSet<>(best.mine());
    foreign.removeAll(best.theirs());
    Set<String> missing = new HashSet<>(best.theirs());
    missing.removeAll(best.mine());
    String example = foreign.isEmpty() ? "" : " (e.g. '" + foreign.stream().sorted().findFirst().orElseThrow() + "')";
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "%s holds other images than %s: %,d of its %,d are not among them%s, %,d of their %,d are not in it; run the same folder"
            + " through the ImageNet classifier", option, what, foreign.size(), mine.size(), example, missing.size(), theirs.size()));
  }

  /** This run's ids against the expected ones, each side as given or without its first folder. */
  private record Alignment(Set<String> mine, Set<String> theirs) {
    boolean same() {
      return mine.equals(theirs);
    }

    long shared() {
      return mine.stream().filter(theirs::contains).count();
    }
  }

  private static Set<String> withoutFirstFolder(Set<String> ids) {
    Set<String> out = new HashSet<>();
    for (String id : ids) {
      out.add(id.substring(id.indexOf('/') + 1));
    }
    return out;
  }

  /** The model keys as a properties file, saved in the classified run as {@link RunFiles#IMAGENET}. */
  public String properties() {
    StringBuilder s = new StringBuilder("# fruits classify: the ImageNet classifier whose produce score makes an answer sure\n");
    modelKeys.forEach((k, v) -> s.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    return s.toString();
  }
}
