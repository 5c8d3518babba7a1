package io.fruits.classifier;

import io.fruits.core.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team's fruit catalogue ({@code catalogue.csv}: one entry per class of the Fruits-360 sample,
 * with display name, species, variety and a one-line description) and the names older versions of
 * the data set used ({@code legacy-names.csv}: 131-class "Banana" is today's "Banana 1").
 */
public final class FruitCatalogue {
  private final Map<String, CatalogueEntry> entries;
  private final Map<String, String> legacy;

  private FruitCatalogue(Map<String, CatalogueEntry> entries, Map<String, String> legacy) {
    this.entries = entries;
    this.legacy = legacy;
  }

  /** The catalogue shipped in this jar. */
  public static FruitCatalogue load() {
    Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
    for (List<String> row : rows("catalogue.csv", 5)) {
      entries.put(row.get(0), new CatalogueEntry(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4)));
    }
    Map<String, String> legacy = new LinkedHashMap<>();
    for (List<String> row : rows("legacy-names.csv", 2)) {
      legacy.put(row.get(0), row.get(1));
    }
    return new FruitCatalogue(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(legacy));
  }

  /** The entry of a class, by its current name or an older one; null when unknown. */
  public CatalogueEntry entry(String className) {
    CatalogueEntry e = entries.get(className);
    return e != null ? e : entries.get(legacy.get(className));
  }

  /** The current name of a class called {@code name} in an older version of the data set. */
  public String currentName(String name) {
    return entries.containsKey(name) ? name : legacy.get(name);
  }

  public Map<String, CatalogueEntry> entries() {
    return entries;
  }

  public Map<String, String> legacyNames() {
    return legacy;
  }

  private static List<List<String>> rows(String resource, int columns) {
    List<List<String>> rows = new ArrayList<>();
    try (InputStream in = FruitCatalogue.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("catalogue resource " + resource + " is missing from the classpath");
      }
      try (Csv.Records records = Csv.records(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        java.util.Iterator<List<String>> it = records.iterator();
        it.next(); // header
        while (it.hasNext()) {
          List<String> row = it.next();
          if (row.size() != columns) {
            throw new IllegalStateException(resource + ": expected " + columns + " fields in: " + row);
          }
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
