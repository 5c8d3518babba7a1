package io.fruits.bench.plan;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A measured end-to-end rate: a whole pipeline run of {@code images} images with a preset, on a
 * machine of {@code vcpus} vCPUs, took {@code seconds}. The plan scales it by vCPUs, so it is kept
 * with the processor, the date and the command that measured it ({@code throughput.tsv}).
 */
public record Throughput(String preset, long images, double seconds, int vcpus, String processor, String date, String command) {
  static final String TABLE = "throughput.tsv";

  /** Images per second per vCPU: the whole pipeline, not the engine alone, since a run pays for all of it. */
  public double perVcpu() {
    return images / seconds / vcpus;
  }

  /** The saved measurements, by preset. */
  public static Map<String, Throughput> measured() throws IOException {
    Map<String, Throughput> all = new LinkedHashMap<>();
    try (InputStream in = Tsv.resource(TABLE)) {
      for (String[] r : Tsv.rows(in, TABLE)) {
        all.put(r[0], new Throughput(r[0], Long.parseLong(r[1]), Double.parseDouble(r[2]), Integer.parseInt(r[3]), r[4], r[5], r[6]));
      }
    }
    return all;
  }
}
