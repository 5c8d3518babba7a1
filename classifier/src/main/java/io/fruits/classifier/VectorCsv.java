package io.fruits.classifier;

import io.fruits.core.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads a run's merged vector CSV ({@code features.csv}: {@code id,label,f1,...,fd}, or
 * {@code pca.csv}: {@code id,label,pc1,...}; either edition), turning each row's values into the
 * classifier's input with {@code transform} as it goes, so a large file is held only once.
 */
public final class VectorCsv {
  private VectorCsv() {}

  public static List<LabelledVector> read(Path file, Function<float[], double[]> transform) throws IOException {
    return rows(file, (f, k) -> new LabelledVector(f.get(0), f.get(1), transform.apply(values(f, k))));
  }

  /** The ids of a vector CSV's rows, in order: which images a run holds (their values are not parsed). */
  public static List<String> ids(Path file) throws IOException {
    return rows(file, (f, k) -> f.get(0));
  }

  /** Each row after the header, turned by {@code row} (its fields and the header's count of values). */
  private static <T> List<T> rows(Path file, BiFunction<List<String>, Integer, T> row) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " does not exist; run the pipeline first (fruits run ... --output RUN)");
    }
    List<T> rows = new ArrayList<>();
    // Records, not lines: an id may hold a line break (a file named so is still an image).
    try (Csv.Records records = Csv.records(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      Iterator<List<String>> it = records.iterator();
      List<String> header = it.hasNext() ? it.next() : List.of();
      if (header.size() < 3 || !header.get(0).equals("id") || !header.get(1).equals("label")) {
        throw new IllegalArgumentException(file.getFileName() + " is not a vector CSV (header id,label,...); give a finished run");
      }
      int k = header.size() - 2;
      while (it.hasNext()) {
        rows.add(row.apply(it.next(), k));
      }
    }
    return rows;
  }

  static float[] values(List<String> f, int k) {
    if (f.size() != k + 2) {
      throw new IllegalArgumentException("a row has " + f.size() + " fields, the header " + (k + 2) + ": " + f.get(0));
    }
    float[] v = new float[k];
    for (int i = 0; i < k; i++) {
      v[i] = Float.parseFloat(f.get(i + 2));
    }
    return v;
  }
}
