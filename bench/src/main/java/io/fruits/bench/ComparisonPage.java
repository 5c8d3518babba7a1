package io.fruits.bench;

import io.fruits.core.EditionStage;
import java.util.Locale;

/** The comparison as a standalone HTML page: the Markdown's table and an inline SVG bar chart. */
final class ComparisonPage {
  private static final int BAR_WIDTH = 520;
  private static final int ROW_HEIGHT = 44;
  /** A measurement: right-aligned in tables. */
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-0-9.,]+ ?(%|s|x|MB|KB)?|-");

  private ComparisonPage() {}

  static String render(EditionComparison c) {
    double max = 0;
    for (EditionStage row : EditionStage.ALL) {
      max = Math.max(max, c.mapReduce().getOrDefault(row.mapReduce(), 0.0));
      if (c.spark() != null) {
        max = Math.max(max, c.spark().seconds().getOrDefault(row.spark(), 0.0));
      }
    }
    StringBuilder svg = new StringBuilder();
    int height = EditionStage.ALL.size() * ROW_HEIGHT + 40;
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
        + "aria-label=\"wall seconds per stage\">%n", BAR_WIDTH + 220, height));
    int y = 10;
    for (EditionStage row : EditionStage.ALL) {
      double mr = c.mapReduce().getOrDefault(row.mapReduce(), 0.0);
      double sp = c.spark() == null ? 0 : c.spark().seconds().getOrDefault(row.spark(), 0.0);
      svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text>%n", y + 17, escape(row.row())));
      bar(svg, y, mr, max, "#1f77b4");
      bar(svg, y + 18, sp, max, "#ff7f0e");
      y += ROW_HEIGHT;
    }
    svg.append(String.format(Locale.ROOT, "<rect x=\"100\" y=\"%d\" width=\"12\" height=\"12\" fill=\"#1f77b4\"/>"
        + "<text x=\"118\" y=\"%d\" font-size=\"12\">MapReduce</text>"
        + "<rect x=\"220\" y=\"%d\" width=\"12\" height=\"12\" fill=\"#ff7f0e\"/>"
        + "<text x=\"238\" y=\"%d\" font-size=\"12\">Spark</text>%n</svg>%n", y + 4, y + 14, y + 4, y + 14));
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fruits! MapReduce vs Spark</title>\n"
        + "<style>body{font-family:sans-serif;max-width:960px;margin:2em auto}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}td.n{text-align:right}</style>"
        + "</head><body>\n<h1>Fruits! MapReduce vs Spark</h1>\n<h2>Wall seconds per stage</h2>\n" + svg
        + table(c.markdown()) + "</body></html>\n";
  }

  private static void bar(StringBuilder svg, int y, double seconds, double max, String colour) {
    double w = max == 0 ? 0 : BAR_WIDTH * seconds / max;
    svg.append(String.format(Locale.ROOT, "<rect x=\"100\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>"
        + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%.2f s</text>%n", y, w, colour, 104 + w, y + 12, seconds));
  }

  /** The Markdown's tables and lists as HTML: enough for the report's own simple Markdown. */
  private static String table(String markdown) {
    StringBuilder html = new StringBuilder();
    boolean inTable = false;
    boolean inList = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("|")) {
        if (line.startsWith("|---")) {
          continue;
        }
        boolean header = !inTable;
        if (!inTable) {
          html.append("<table>\n");
          inTable = true;
        }
        html.append("<tr>");
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
          String text = cell.trim().replace("**", "");
          String tag = header ? "th" : NUMBER.matcher(text).matches() ? "td class=\"n\"" : "td";
          html.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag.split(" ")[0]).append('>');
        }
        html.append("</tr>\n");
        continue;
      }
      if (inTable) {
        html.append("</table>\n");
        inTable = false;
      }
      if (line.startsWith("- ")) {
        if (!inList) {
          html.append("<ul>\n");
          inList = true;
        }
        html.append("<li>").append(escape(line.substring(2))).append("</li>\n");
        continue;
      }
      if (inList) {
        html.append("</ul>\n");
        inList = false;
      }
      if (line.startsWith("### ")) {
        html.append("<h3>").append(escape(line.substring(4))).append("</h3>\n");
      } else if (line.startsWith("## ")) {
        html.append("<h2>").append(escape(line.substring(3))).append("</h2>\n");
      }
    }
    if (inTable) {
      html.append("</table>\n");
    }
    if (inList) {
      html.append("</ul>\n");
    }
    return html.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
