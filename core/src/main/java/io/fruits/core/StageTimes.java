package io.fruits.core;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Wall time of each stage of a run, written as JSON and Markdown into the run's reports folder. */
public final class StageTimes {
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private final Map<String, String> notes = new LinkedHashMap<>();

  public void record(String stage, long startNanos, String note) {
    seconds.put(stage, (System.nanoTime() - startNanos) / 1e9);
    notes.put(stage, note);
  }

  public double total() {
    return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  public void write(Configuration conf, Path reports) throws IOException {
    StringBuilder json = new StringBuilder("{\n  \"stages\": [\n");
    StringBuilder md = new StringBuilder("| stage | seconds | note |\n|---|---:|---|\n");
    int i = 0;
    for (Map.Entry<String, Double> e : seconds.entrySet()) {
      String note = notes.get(e.getKey());
      json.append(String.format(Locale.ROOT, "    {\"stage\": \"%s\", \"seconds\": %.3f, \"note\": \"%s\"}%s%n",
          e.getKey(), e.getValue(), note.replace("\\", "\\\\").replace("\"", "\\\""), ++i < seconds.size() ? "," : ""));
      md.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", e.getKey(), e.getValue(), note));
    }
    json.append(String.format(Locale.ROOT, "  ],%n  \"total_seconds\": %.3f%n}%n", total()));
    md.append(String.format(Locale.ROOT, "| total | %.2f | |%n", total()));
    AtomicFile.write(conf, new Path(reports, "timings.json"), json.toString());
    AtomicFile.write(conf, new Path(reports, "timings.md"), md.toString());
  }
}
