package io.fruits.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tab-separated file with a header row, read by column name: the image sets' manifests
 * ({@code MANIFEST.tsv}, {@code classes.tsv}) keep their columns in any order and may add more.
 */
public final class Tsv {
  private Tsv() {}

  /**
   * The rows of {@code file} as maps of the {@code columns} asked for; blank lines are skipped.
   * {@code hint} ends each error with what to give instead.
   */
  public static List<Map<String, String>> read(Path file, String hint, String... columns) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " does not exist; " + hint);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8); // \n, \r\n or \r
    // A spreadsheet saving "UTF-8 text" starts it with a byte order mark, which would be part of
    // the first column's name: such a manifest was refused as having no "file" column.
    String first = lines.isEmpty() ? "" : lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
    List<String> header = Arrays.asList(first.split("\t", -1));
    int[] at = new int[columns.length];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      at[i] = header.indexOf(columns[i]);
      if (at[i] < 0) {
        missing.add(columns[i]);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(file + " has no column named " + String.join(", ", missing) + " (its first line names the columns,"
          + " separated by tabs: " + String.join(", ", columns) + " and any others); " + hint);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < header.size()) {
        throw new IllegalArgumentException(file + " has a row with " + f.length + " of its " + header.size() + " columns: " + f[0]);
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.length; i++) {
        row.put(columns[i], f[at[i]]);
      }
      rows.add(row);
    }
    return rows;
  }
}
