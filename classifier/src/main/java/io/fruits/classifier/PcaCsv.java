package io.fruits.classifier;

import io.fruits.layout.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.startsWith("id,label,pc1")) {
        throw new IllegalArgumentException(file + " is not a PCA CSV (header id,label,pc1,...); give the pca.csv of a run");
      }
      int k = header.split(",").length - 2;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        rows.add(parse(line, k));
      }
    }
    return rows;
  }

  static LabelledVector parse(String line, int k) {
    List<String> f = Csv.parse(line);
    if (f.size() != k + 2) {
      throw new IllegalArgumentException("a pca.csv row has " + f.size() + " fields, the header " + (k + 2) + ": " + line);
    }
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      v[i] = Double.parseDouble(f.get(i + 2));
    }
    return new LabelledVector(f.get(0), f.get(1), v);
  }
}
