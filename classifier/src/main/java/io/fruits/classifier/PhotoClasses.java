package io.fruits.classifier;

import io.fruits.core.Tsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code classes.tsv} of a folder of real photos: for each photo folder (a shop's family and
 * variety, {@code Apple Golden-Delicious}), the catalogue classes it may be, {@code ;}-separated.
 * A shop rarely sells Fruits-360's exact variety, so one folder often maps to several classes.
 */
public final class PhotoClasses {
  private PhotoClasses() {}

  public static Map<String, List<String>> read(Path tsv) throws IOException {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Map<String, String> row : Tsv.read(tsv, "give the classes.tsv of the photo folders (columns folder, fruits360_classes)",
        "folder", "fruits360_classes")) {
      List<String> classes = Arrays.stream(row.get("fruits360_classes").split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      if (classes.isEmpty()) {
        throw new IllegalArgumentException(tsv + ": the folder " + row.get("folder") + " has no classes");
      }
      map.put(row.get("folder"), classes);
    }
    return map;
  }
}
