package io.fruits.classifier;

import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import io.fruits.features.ModelKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real photos of a second pipeline run, standardised like this run's vectors. The photos go
 * through the same pack and feature jobs as any image set (so they scale the same way); only the
 * scaling happens here, with this run's scaler, since a classifier needs one space. Both runs must
 * have used the same model file and the same {@code model.*} settings.
 */
public final class PhotoRows {
  /** Keys that name the model file besides where it is found (the file is compared by its checksum). */
  private static final Set<ModelKey> WHICH_FILE = EnumSet.of(ModelKey.PRESET, ModelKey.FILE, ModelKey.SHA256);

  private PhotoRows() {}

  /**
   * The rows of {@code photoRun}, standardised with {@code features} (the scaler of {@code run}), once
   * the two runs are checked to have made their vectors alike; {@link #labelled} makes them training rows.
   */
  public static List<LabelledVector> read(Path run, StandardFeatures features, Path photoRun) throws IOException {
    if (!Files.isRegularFile(photoRun.resolve(RunFiles.FEATURES_CSV))) {
      throw new IllegalArgumentException(photoRun + " is not a finished run; run the photos first: fruits run --input PHOTOS --output "
          + photoRun + " --model MODEL");
    }
    Map<String, String> settings = RunFolder.local(run).properties(RunFiles.SETTINGS);
    Map<String, String> photoSettings = RunFolder.local(photoRun).properties(RunFiles.SETTINGS);
    String model = settings.get(RunFiles.MODEL_SHA256);
    if (model == null || !model.equalsIgnoreCase(photoSettings.get(RunFiles.MODEL_SHA256))) {
      throw new IllegalArgumentException("the photo run " + photoRun + " was made with another model than " + run
          + "; run the photos with the same --model and model file");
    }
    // The same file pooled otherwise, or without the colour histogram, makes vectors of another space.
    for (ModelKey k : ModelKey.values()) {
      String mine = settings.getOrDefault(k.key(), k.defaultValue());
      String theirs = photoSettings.getOrDefault(k.key(), k.defaultValue());
      if (!k.locatesFile() && !WHICH_FILE.contains(k) && !mine.equalsIgnoreCase(theirs)) {
        throw new IllegalArgumentException("the photo run " + photoRun + " has " + k.key() + "=" + theirs + " and " + run + " has " + mine
            + "; run the photos with the same --model and -D model options");
      }
    }
    return features.read(photoRun);
  }

  /** The photo rows of {@code vectors}, labelled through their folders' {@code classes}; classes this run does not know are dropped. */
  public static List<PhotoRow> labelled(List<LabelledVector> vectors, Map<String, List<String>> classes, Set<String> known) {
    List<PhotoRow> rows = new ArrayList<>();
    for (LabelledVector v : vectors) {
      List<String> mapped = classes.get(v.label());
      if (mapped == null) {
        throw new IllegalArgumentException("the photo folder '" + v.label() + "' is not in classes.tsv; add it or remove the folder");
      }
      List<String> usable = mapped.stream().filter(known::contains).toList();
      if (!usable.isEmpty()) { // else none of its classes is in this run: nothing to learn from it
        rows.add(new PhotoRow(v.id(), v.label(), usable, v.values()));
      }
    }
    return rows;
  }
}
