package io.fruits.layout;

/** RFC 4180 fields: quoted only when they hold a comma, a quote or a line break. */
public final class Csv {
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

  /** Splits one line written by {@link #field}; quoted fields may hold commas and quotes. */
  public static java.util.List<String> parse(String line) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
