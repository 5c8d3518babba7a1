package io.fruits.core;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 fields: quoted only when they hold a comma, a quote or a line break. Written here (one
 * line of logic, and the bytes of every CSV depend on it); read with Commons CSV, since a quoted
 * field may span lines: a file may be named {@code a\nb.jpg}.
 *
 * <p>Cells are written as they are, also when they start with {@code =}, {@code +}, {@code -} or
 * {@code @}: the files are data for programs (pandas, Spark, the classifier), ids must round-trip
 * to file names, and vectors hold negative numbers. A spreadsheet user should import them as text
 * rather than open them (see the layout README).
 */
public final class Csv {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

  private Csv() {}

  public static String field(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + s.replace("\"", "\"\"") + '"';
      }
    }
    return s;
  }

  /** Splits one record written with {@link #field}. */
  public static List<String> parse(String record) {
    try (Records r = records(new java.io.StringReader(record))) {
      Iterator<List<String>> it = r.iterator();
      return it.hasNext() ? it.next() : List.of("");
    }
  }

  /** The records of {@code in}, header included, one list of fields each. Closes {@code in}. */
  public static Records records(Reader in) {
    try {
      return new Records(CSVParser.parse(in, FORMAT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stream of records; malformed input surfaces as {@link UncheckedIOException}. */
  public static final class Records implements Iterable<List<String>>, AutoCloseable {
    private final CSVParser parser;

    private Records(CSVParser parser) {
      this.parser = parser;
    }

    @Override
    public Iterator<List<String>> iterator() {
      Iterator<CSVRecord> it = parser.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public List<String> next() {
          CSVRecord r = it.next();
          List<String> fields = new ArrayList<>(r.size());
          r.forEach(fields::add);
          return fields;
        }
      };
    }

    @Override
    public void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
