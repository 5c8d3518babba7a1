package io.fruits.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The run's reports as JSON with Gson, written on any Hadoop filesystem: timings, job
 * counters, bytes written. Written atomically, pretty-printed for people, parsed by programs
 * (the bench reads them back) without caring about spacing.
 */
public final class JsonFiles {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private JsonFiles() {}

  public static void write(Configuration conf, Path file, Object value) throws IOException {
    AtomicFile.write(conf, file, GSON.toJson(value) + "\n");
  }

  /** A local file, for tools that read a run on this machine. */
  public static JsonElement read(java.nio.file.Path file) throws IOException {
    return JsonParser.parseString(java.nio.file.Files.readString(file));
  }
}
