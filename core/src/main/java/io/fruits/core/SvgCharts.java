package io.fruits.core;

import java.util.List;
import java.util.Locale;

/**
 * The run report's three charts as SVG inline in HTML (hence no xmlns), so the report stays one file that opens without a
 * network: horizontal bars, a scree plot and a coloured scatter. Written here rather than with a
 * charting library: the JVM ones (JFreeChart, XChart) render raster images or need a DOM
 * implementation to write SVG, for three simple shapes.
 */
public final class SvgCharts {
  /** Twelve colours that stay apart for common colour blindness (Paul Tol's "muted" and "bright"). */
  static final String[] PALETTE = {"#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
      "#AA4499", "#4477AA", "#EE6677", "#BBBBBB"};

  private SvgCharts() {}

  /** One bar per label, longest value full width, the value written after the bar. */
  public static String bars(List<String> labels, double[] values, String unit) {
    int row = 22;
    int labelWidth = 140;
    int width = 640;
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    StringBuilder svg = open(width, row * labels.size() + 10, "bars");
    for (int i = 0; i < labels.size(); i++) {
      int y = 5 + i * row;
      double w = max > 0 ? (width - labelWidth - 90) * values[i] / max : 0;
      svg.append(text(0, y + 15, labels.get(i), "start"));
      svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4477AA\"/>",
          labelWidth, y + 3, w, row - 6));
      svg.append(text(labelWidth + w + 6, y + 15, String.format(Locale.ROOT, "%.1f %s", values[i], unit), "start"));
    }
    return svg.append("</svg>").toString();
  }

  /**
   * Explained variance per component (bars) and cumulative (line) for the first {@code shown}
   * components, the {@code target} share as a dashed line and the chosen {@code k} marked.
   */
  public static String scree(double[] ratios, int k, double target, int shown) {
    int n = Math.min(shown, ratios.length);
    int width = 640;
    int height = 260;
    int left = 40;
    int bottom = height - 30;
    double step = (width - left - 10) / (double) Math.max(1, n);
    StringBuilder svg = open(width, height, "scree");
    svg.append(line(left, bottom, width - 10, bottom, "#000", false)).append(line(left, 10, left, bottom, "#000", false));
    double cumulative = 0;
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double x = left + i * step;
      double h = (bottom - 10) * ratios[i];
      svg.append(String.format(Locale.ROOT, "<rect class=\"component\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#88CCEE\"/>",
          x, bottom - h, Math.max(0.5, step * 0.8), h));
      cumulative += ratios[i];
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + step * 0.4, bottom - (bottom - 10) * cumulative));
    }
    svg.append("<polyline class=\"cumulative\" fill=\"none\" stroke=\"#882255\" stroke-width=\"2\" points=\"").append(points.toString().trim()).append("\"/>");
    double targetY = bottom - (bottom - 10) * target;
    svg.append(line(left, targetY, width - 10, targetY, "#CC6677", true));
    svg.append(text(width - 12, targetY - 4, String.format(Locale.ROOT, "%.0f%%", target * 100), "end"));
    if (k >= 1 && k <= n) {
      double x = left + (k - 0.5) * step;
      // Left of the line when it is near the right edge, below the target's label either way.
      boolean right = x > width - 80;
      svg.append(line(x, 10, x, bottom, "#117733", true)).append(text(right ? x - 4 : x + 4, 40, "k = " + k, right ? "end" : "start"));
    }
    svg.append(text(left, height - 8, "component 1", "start")).append(text(width - 10, height - 8, "component " + n, "end"));
    svg.append(text(4, 14, "100%", "start"));
    return svg.append("</svg>").toString();
  }

  /** Points {x, y} coloured by their class's index in {@code classes}, with a legend of those classes. */
  public static String scatter(List<double[]> points, List<Integer> classOf, List<String> classes) {
    int size = 420;
    int legend = 220;
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (double[] p : points) {
      minX = Math.min(minX, p[0]);
      maxX = Math.max(maxX, p[0]);
      minY = Math.min(minY, p[1]);
      maxY = Math.max(maxY, p[1]);
    }
    double sx = (size - 20) / Math.max(1e-12, maxX - minX);
    double sy = (size - 20) / Math.max(1e-12, maxY - minY);
    StringBuilder svg = open(size + legend, Math.max(size, 20 * classes.size() + 10), "scatter");
    svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>", size, size));
    for (int i = 0; i < points.size(); i++) {
      double[] p = points.get(i);
      svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
          10 + (p[0] - minX) * sx, size - 10 - (p[1] - minY) * sy, PALETTE[classOf.get(i) % PALETTE.length]));
    }
    for (int c = 0; c < classes.size(); c++) {
      int y = 10 + c * 20;
      svg.append(String.format(Locale.ROOT, "<rect class=\"legend\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
          size + 12, y, PALETTE[c % PALETTE.length]));
      svg.append(text(size + 30, y + 11, classes.get(c), "start"));
    }
    svg.append(text(size / 2.0, size - 2, "PC1", "middle")).append(text(2, 12, "PC2", "start"));
    return svg.append("</svg>").toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static StringBuilder open(int width, int height, String kind) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg class=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">",
        kind, width, height, width, height));
  }

  private static String text(double x, double y, String s, String anchor) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor, escape(s));
  }

  private static String line(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>", x1, y1, x2, y2, colour,
        dashed ? " stroke-dasharray=\"4 3\"" : "");
  }
}
