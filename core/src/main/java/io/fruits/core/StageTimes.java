package io.fruits.core;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Wall time of each stage of a run, written as JSON and Markdown into the run's reports folder. */
public final class StageTimes {
  static final String JSON = "timings.json";

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
    List<Map<String, Object>> stages = new ArrayList<>();
    StringBuilder md = new StringBuilder("| stage | seconds | note |\n|---|---:|---|\n");
    for (Map.Entry<String, Double> e : seconds.entrySet()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("stage", e.getKey());
      row.put("seconds", millis(e.getValue()));
      row.put("note", notes.get(e.getKey()));
      stages.add(row);
      md.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", e.getKey(), e.getValue(), notes.get(e.getKey())));
    }
    md.append(String.format(Locale.ROOT, "| total | %.2f | |%n", total()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("stages", stages);
    json.put("total_seconds", millis(total()));
    JsonFiles.write(conf, new Path(reports, JSON), json);
    AtomicFile.write(conf, new Path(reports, "timings.md"), md.toString());
  }

  /** Seconds per stage, in stage order, from a run's {@code reports/timings.json}. */
  public static Map<String, Double> read(java.nio.file.Path reports) throws IOException {
    return read(JsonFiles.read(reports.resolve(JSON)).getAsJsonObject());
  }

  /** Seconds per stage, in stage order, from the parsed {@code timings.json}. */
  static Map<String, Double> read(com.google.gson.JsonObject timings) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (JsonElement stage : timings.getAsJsonArray("stages")) {
      out.put(stage.getAsJsonObject().get("stage").getAsString(), stage.getAsJsonObject().get("seconds").getAsDouble());
    }
    return out;
  }

  private static double millis(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
