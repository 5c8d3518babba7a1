package io.fruits.bench.plan;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An EC2 instance type as an EMR core node: its vCPUs, the memory EMR gives YARN on it, its CPU
 * architecture. The table is {@code instance-types.tsv}, which {@code scripts/emr} reads too.
 */
public record InstanceType(String name, int vcpus, int yarnMb, String arch) {
  static final String TABLE = "instance-types.tsv";

  /** Every type of the table, in its order. */
  public static Map<String, InstanceType> all() throws IOException {
    Map<String, InstanceType> types = new LinkedHashMap<>();
    try (InputStream in = Tsv.resource(TABLE)) {
      for (String[] r : Tsv.rows(in, TABLE)) {
        types.put(r[0], new InstanceType(r[0], Integer.parseInt(r[1]), Integer.parseInt(r[2]), r[3]));
      }
    }
    return types;
  }
}
