package io.fruits.classifier;

import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real photos of a second pipeline run, standardised like this run's vectors. The photos go
 * through the same pack and feature jobs as any image set (so they scale the same way); only the
 * scaling happens here, with this run's scaler, since a classifier needs one space. Both runs must
 * have used the same model file.
 */
public final class PhotoRows {
  private PhotoRows() {}

  /**
   * The rows of {@code photoRun}, standardised with {@code features} (the scaler of {@code run}) and
   * labelled through {@code classes}; classes this run does not know are dropped.
   */
  public static List<PhotoRow> read(Path run, StandardFeatures features, Path photoRun, Map<String, List<String>> classes,
      Set<String> known) throws IOException {
    if (!Files.isRegularFile(photoRun.resolve(RunFiles.FEATURES_CSV))) {
      throw new IllegalArgumentException(photoRun + " is not a finished run; run the photos first: fruits run --input PHOTOS --output "
          + photoRun + " --model MODEL");
    }
    String model = RunFolder.local(run).properties(RunFiles.SETTINGS).get(RunFiles.MODEL_SHA256);
    String photoModel = RunFolder.local(photoRun).properties(RunFiles.SETTINGS).get(RunFiles.MODEL_SHA256);
    if (model == null || !model.equalsIgnoreCase(photoModel)) {
      throw new IllegalArgumentException("the photo run " + photoRun + " was made with another model than " + run
          + "; run the photos with the same --model and model file");
    }
    List<PhotoRow> rows = new ArrayList<>();
    for (LabelledVector v : features.read(photoRun)) {
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
