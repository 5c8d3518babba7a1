package io.fruits.core;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fruits.reduction.PcaModel;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code OUT/reports/index.html}: one self-contained page per run (inline SVG and CSS, no script,
 * nothing fetched) with what a person looks at: the model and settings, stage times, the feature
 * job's counters, rejects by reason with the first rows, the scree plot with the variance target
 * and k, PC1/PC2 coloured by class and, once {@code fruits classify} ran, its accuracy and most
 * confused pairs. Written from the run's own files, so it can be made again at any time; through
 * a {@link RunFolder}, so that {@code fruits classify}, which has no Hadoop, can write it too.
 */
public final class RunReport {
  /** Scatter: points of the most frequent classes only, so that a legend can name every colour. */
  static final int CLASSES_DRAWN = SvgCharts.PALETTE.length;
  static final int POINTS_PER_CLASS = 60;
  static final int FIRST_REJECTS = 10;

  public static final String FILE = RunFiles.REPORTS + "/index.html";

  private final RunFolder run;

  RunReport(RunFolder run) {
    this.run = run;
  }

  /** Writes {@code reports/index.html} of the run in {@code run}. */
  public static void write(RunFolder run) throws IOException {
    run.write(FILE, new RunReport(run).html());
  }

  String html() throws IOException {
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fruits! run report</title>")
        .append("<style>body{font-family:sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}")
        .append("td.n{text-align:right}h2{margin-top:1.6em}pre{background:#f6f6f6;padding:1em;overflow:auto}</style></head><body>")
        .append("<h1>Fruits! run report</h1><p>Run folder: <code>").append(SvgCharts.escape(run.display())).append("</code></p>");
    Map<String, String> settings = settings();
    h.append("<h2>Model and settings</h2>").append(table(settings));
    Map<String, Double> times = times();
    if (!times.isEmpty()) {
      h.append("<h2>Stage times</h2>").append(SvgCharts.bars(new ArrayList<>(times.keySet()),
          times.values().stream().mapToDouble(Double::doubleValue).toArray(), "s"));
    }
    Map<String, String> counters = counters();
    if (!counters.isEmpty()) {
      h.append("<h2>Feature job counters</h2>").append(table(counters));
    }
    rejects(h);
    pca(h, settings);
    classifier(h);
    evaluation(h);
    return h.append("</body></html>\n").toString();
  }

  private Map<String, String> settings() throws IOException {
    return run.exists(RunFiles.SETTINGS) ? run.properties(RunFiles.SETTINGS) : new TreeMap<>();
  }

  private Map<String, Double> times() throws IOException {
    String file = RunFiles.REPORTS + "/" + StageTimes.JSON;
    return run.exists(file) ? StageTimes.read(json(file)) : new LinkedHashMap<>();
  }

  private Map<String, String> counters() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    String file = RunFiles.REPORTS + "/counters-fruits-features.json";
    if (run.exists(file)) {
      json(file).getAsJsonObject("counters").entrySet().forEach(group -> {
        if (group.getKey().startsWith("io.fruits") || group.getKey().startsWith("Rejects") || group.getKey().equals("Job Counters ")) {
          group.getValue().getAsJsonObject().entrySet().forEach(c -> out.put(c.getKey(), c.getValue().getAsString()));
        }
      });
    }
    return out;
  }

  private void rejects(StringBuilder h) throws IOException {
    if (!run.exists(RunFiles.REJECTS_CSV)) {
      return;
    }
    Map<String, Integer> byReason = new TreeMap<>();
    List<List<String>> first = new ArrayList<>();
    forEachRow(RunFiles.REJECTS_CSV, r -> {
      byReason.merge(r.get(2), 1, Integer::sum);
      if (first.size() < FIRST_REJECTS) {
        first.add(r);
      }
    });
    h.append("<h2>Rejects</h2>");
    if (byReason.isEmpty()) {
      h.append("<p>None: every image became a vector.</p>");
      return;
    }
    Map<String, String> counts = new LinkedHashMap<>();
    byReason.forEach((k, v) -> counts.put(k, Integer.toString(v)));
    h.append(table(counts)).append("<p>The first ").append(first.size()).append(":</p><table><tr><th>id</th><th>reason</th><th>detail</th></tr>");
    for (List<String> r : first) {
      h.append("<tr><td>").append(SvgCharts.escape(r.get(0))).append("</td><td>").append(SvgCharts.escape(r.get(2)))
          .append("</td><td>").append(SvgCharts.escape(r.get(3))).append("</td></tr>");
    }
    h.append("</table>");
  }

  private void pca(StringBuilder h, Map<String, String> settings) throws IOException {
    if (!run.exists(RunFiles.PCA_MODEL)) {
      return;
    }
    PcaModel model;
    try (Reader r = run.open(RunFiles.PCA_MODEL)) {
      model = PcaModel.load(r);
    }
    // Shares not computed are NaN (the randomized method's past l; the Spark edition's earlier runs past k): drawn as 0.
    double[] ratios = java.util.Arrays.stream(model.explainedVarianceRatio()).map(v -> Double.isNaN(v) ? 0 : v).toArray();
    double target = Double.parseDouble(settings.getOrDefault(FruitsConfigKeys.PCA_VARIANCE.key(), FruitsConfigKeys.PCA_VARIANCE.defaultValue()));
    h.append("<h2>Principal components</h2><p>k = ").append(model.k()).append(" of ").append(model.dimension())
        .append(String.format(java.util.Locale.ROOT, " components, explaining %.4f of the variance", model.keptShare()))
        .append(settings.getOrDefault(FruitsConfigKeys.PCA_K.key(), "0").equals("0") ? " (chosen by pca.variance)" : " (pca.k)")
        .append(".</p>").append(SvgCharts.scree(ratios, model.k(), target, Math.min(ratios.length, Math.max(60, model.k() + 10))));
    if (model.k() >= 2 && run.exists(RunFiles.PCA_CSV)) {
      scatter(h);
    }
  }

  /** PC1/PC2 of up to {@value #POINTS_PER_CLASS} rows of each of the most frequent classes. */
  private void scatter(StringBuilder h) throws IOException {
    Map<String, List<double[]>> byClass = new LinkedHashMap<>();
    Map<String, Integer> sizes = new TreeMap<>();
    forEachRow(RunFiles.PCA_CSV, r -> {
      sizes.merge(r.get(1), 1, Integer::sum);
      List<double[]> points = byClass.computeIfAbsent(r.get(1), c -> new ArrayList<>());
      if (points.size() < POINTS_PER_CLASS) {
        points.add(new double[] {Double.parseDouble(r.get(2)), Double.parseDouble(r.get(3))});
      }
    });
    List<String> drawn = sizes.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(CLASSES_DRAWN)
        .map(Map.Entry::getKey).sorted().toList();
    List<double[]> points = new ArrayList<>();
    List<Integer> colours = new ArrayList<>();
    for (int c = 0; c < drawn.size(); c++) {
      for (double[] p : byClass.get(drawn.get(c))) {
        points.add(p);
        colours.add(c);
      }
    }
    h.append("<h2>PC1 and PC2</h2><p>").append(points.size()).append(" images of ").append(drawn.size()).append(" of the ")
        .append(sizes.size()).append(" classes (the most frequent; at most ").append(POINTS_PER_CLASS).append(" each).</p>")
        .append(SvgCharts.scatter(points, colours, drawn));
  }

  private void classifier(StringBuilder h) throws IOException {
    String file = RunFiles.CLASSIFIER_REPORT;
    if (!run.exists(file)) {
      h.append("<h2>Classifier</h2><p>Not trained yet: <code>fruits classify --run ")
          .append(SvgCharts.escape(run.display())).append("</code> adds its accuracy here.</p>");
      return;
    }
    h.append("<h2>Classifier</h2><pre>").append(SvgCharts.escape(summary(file, "### Per class"))).append("</pre>");
  }

  private void evaluation(StringBuilder h) throws IOException {
    if (run.exists(RunFiles.EVALUATION_REPORT)) {
      h.append("<h2>Evaluation on photos</h2><pre>").append(SvgCharts.escape(sectionSummaries(RunFiles.EVALUATION_REPORT))).append("</pre>");
    }
  }

  /** A Markdown report's lines up to the first that starts with {@code stop}: its summary. */
  private String summary(String file, String stop) throws IOException {
    StringBuilder summary = new StringBuilder();
    try (java.io.BufferedReader r = new java.io.BufferedReader(run.open(file))) {
      for (String line = r.readLine(); line != null && !line.startsWith(stop); line = r.readLine()) {
        summary.append(line).append('\n');
      }
    }
    return summary.toString().trim();
  }

  /** Each {@code ## } section of a Markdown report up to its first {@code ### } line: one summary per set evaluated. */
  private String sectionSummaries(String file) throws IOException {
    StringBuilder summaries = new StringBuilder();
    boolean inSummary = false;
    try (java.io.BufferedReader r = new java.io.BufferedReader(run.open(file))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("## ")) {
          inSummary = true;
        } else if (line.startsWith("### ")) {
          inSummary = false;
        }
        if (inSummary) {
          summaries.append(line).append('\n');
        }
      }
    }
    return summaries.toString().trim();
  }

  private static String table(Map<String, String> rows) {
    StringBuilder t = new StringBuilder("<table>");
    rows.forEach((k, v) -> t.append("<tr><th>").append(SvgCharts.escape(k)).append("</th><td class=\"n\">").append(SvgCharts.escape(v))
        .append("</td></tr>"));
    return t.append("</table>").toString();
  }

  /** Every record of a CSV after its header, streamed, so that a large pca.csv is never held in memory. */
  private void forEachRow(String file, java.util.function.Consumer<List<String>> row) throws IOException {
    try (Csv.Records records = Csv.records(run.open(file))) {
      boolean header = true;
      for (List<String> r : records) {
        if (!header) {
          row.accept(r);
        }
        header = false;
      }
    }
  }

  private JsonObject json(String file) throws IOException {
    try (Reader r = run.open(file)) {
      return JsonParser.parseReader(r).getAsJsonObject();
    }
  }
}
