package io.fruits.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Spark application's own event log (JSON lines, {@code spark.eventLog.enabled}) says about
 * the cluster: executors added, the first task's launch, and shuffle bytes written per pipeline
 * stage (the driver names each stage with {@code setJobGroup}; a job's Spark stages take its group).
 */
record SparkEventLog(int executors, long firstTaskLaunch, Map<String, Long> shuffleBytes) {
  static SparkEventLog read(Reader log) throws IOException {
    int executors = 0;
    long firstTask = Long.MAX_VALUE;
    Map<Integer, String> groupOfStage = new HashMap<>();
    Map<String, Long> shuffle = new LinkedHashMap<>();
    BufferedReader lines = new BufferedReader(log);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      JsonObject e = JsonParser.parseString(line).getAsJsonObject();
      switch (e.get("Event").getAsString()) {
        case "SparkListenerExecutorAdded" -> executors++;
        case "SparkListenerJobStart" -> {
          JsonElement group = e.has("Properties") ? e.getAsJsonObject("Properties").get("spark.jobGroup.id") : null;
          if (group != null) {
            e.getAsJsonArray("Stage IDs").forEach(id -> groupOfStage.put(id.getAsInt(), group.getAsString()));
          }
        }
        case "SparkListenerTaskStart" -> firstTask = Math.min(firstTask, e.getAsJsonObject("Task Info").get("Launch Time").getAsLong());
        case "SparkListenerTaskEnd" -> {
          String group = groupOfStage.get(e.get("Stage ID").getAsInt());
          JsonObject metrics = e.getAsJsonObject("Task Metrics");
          if (group != null && metrics != null) {
            long written = metrics.getAsJsonObject("Shuffle Write Metrics").get("Shuffle Bytes Written").getAsLong();
            shuffle.merge(group, written, Long::sum);
          }
        }
        default -> { }
      }
    }
    return new SparkEventLog(executors, firstTask, shuffle);
  }
}
