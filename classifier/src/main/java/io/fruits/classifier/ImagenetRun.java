package io.fruits.classifier;

import io.fruits.core.Csv;
import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pipeline run of the real photos through the whole ImageNet classifier ({@code -D model.file=
 * <full model> -D model.pooling=flatten}: 1000 values per photo, made by the same pack and feature
 * jobs as any run): the produce scores of the photos, and the model keys that {@code predict} needs
 * to run the same classifier on a new photo.
 */
public record ImagenetRun(List<Double> produceScores, Map<String, String> modelKeys) {
  public static ImagenetRun read(Path run) throws IOException {
    Path features = run.resolve(RunFiles.FEATURES_CSV);
    if (!Files.isRegularFile(features)) {
      throw new IllegalArgumentException(run + " is not a finished run; run the photos through the ImageNet classifier first"
          + " (fruits run --input PHOTOS --output " + run + " --model PRESET -D model.file=FULL_MODEL.onnx -D model.pooling=flatten ...)");
    }
    List<Double> scores = new ArrayList<>();
    try (Csv.Records records = Csv.records(Files.newBufferedReader(features, StandardCharsets.UTF_8))) {
      Iterator<List<String>> it = records.iterator();
      List<String> header = it.hasNext() ? it.next() : List.of();
      if (header.size() != ProduceScore.IMAGENET_CLASSES + 2) {
        throw new IllegalArgumentException(run + " does not hold 1000 ImageNet outputs per photo; run the photos with the full classifier"
            + " and -D model.pooling=flatten");
      }
      while (it.hasNext()) {
        List<String> f = it.next();
        float[] x = new float[ProduceScore.IMAGENET_CLASSES];
        for (int i = 0; i < x.length; i++) {
          x[i] = Float.parseFloat(f.get(i + 2));
        }
        scores.add(ProduceScore.of(x));
      }
    }
    Map<String, String> keys = new TreeMap<>();
    RunFolder.local(run).properties(RunFiles.SETTINGS).forEach((k, v) -> {
      if (k.startsWith("model.")) {
        keys.put(k, v);
      }
    });
    return new ImagenetRun(scores, keys);
  }

  /** The model keys as a properties file, saved in the classified run as {@link RunFiles#IMAGENET}. */
  public String properties() {
    StringBuilder s = new StringBuilder("# fruits classify: the ImageNet classifier whose produce score makes an answer sure\n");
    modelKeys.forEach((k, v) -> s.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    return s.toString();
  }
}
