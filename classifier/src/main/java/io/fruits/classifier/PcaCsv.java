package io.fruits.classifier;

import io.fruits.core.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the merged {@code pca.csv} of a run ({@code id,label,pc1,...,pck}, either edition).
 */
public final class PcaCsv {
  private PcaCsv() {}

  public static List<LabelledVector> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " does not exist; run the pipeline first (fruits run ... --output RUN)");
    }
    List<LabelledVector> rows = new ArrayList<>();
    // Records, not lines: an id may hold a line break (a file named so is still an image).
    try (Csv.Records records = Csv.records(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      Iterator<List<String>> it = records.iterator();
      List<String> header = it.hasNext() ? it.next() : List.of();
      if (header.size() < 3 || !header.get(0).equals("id") || !header.get(1).equals("label") || !header.get(2).equals("pc1")) {
        throw new IllegalArgumentException(file + " is not a PCA CSV (header id,label,pc1,...); give the pca.csv of a run");
      }
      int k = header.size() - 2;
      while (it.hasNext()) {
        rows.add(row(it.next(), k));
      }
    }
    return rows;
  }

  static LabelledVector parse(String line, int k) {
    return row(Csv.parse(line), k);
  }

  private static LabelledVector row(List<String> f, int k) {
    if (f.size() != k + 2) {
      throw new IllegalArgumentException("a pca.csv row has " + f.size() + " fields, the header " + (k + 2) + ": " + f.get(0));
    }
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      v[i] = Double.parseDouble(f.get(i + 2));
    }
    return new LabelledVector(f.get(0), f.get(1), v);
  }
}
