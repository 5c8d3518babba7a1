package io.fruits.bench.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The plan's small data files: tab-separated, '#' comment lines, one header line, then rows. */
final class Tsv {
  private Tsv() {}

  /** The rows below the header, each split on tabs, checked to have the header's columns. */
  static List<String[]> rows(InputStream in, String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    int columns = -1;
    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (columns < 0) {
        columns = cells.length;
      } else if (cells.length != columns) {
        throw new IllegalArgumentException(name + ": a row has " + cells.length + " columns, the header " + columns + ": " + line);
      } else {
        rows.add(cells);
      }
    }
    return rows;
  }

  static InputStream resource(String name) throws IOException {
    InputStream in = Tsv.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing resource " + name + " next to " + Tsv.class.getName());
    }
    return in;
  }
}
