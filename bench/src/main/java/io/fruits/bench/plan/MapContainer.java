package io.fruits.bench.plan;

import java.io.IOException;
import java.io.InputStream;

/**
 * The memory of a feature map container, as {@code scripts/emr} sizes it: a 1 GiB heap, 256 MB of
 * JVM overhead, and the engine's native memory for a batch ({@code engine-memory.tsv}, which the
 * script reads too).
 */
final class MapContainer {
  static final String TABLE = "engine-memory.tsv";
  static final int BATCH = 32;

  private MapContainer() {}

  /** The container's MB for {@code preset}. */
  static int megabytes(String preset) throws IOException {
    try (InputStream in = Tsv.resource(TABLE)) {
      for (String[] r : Tsv.rows(in, TABLE)) {
        if (r[0].equals(preset)) {
          return 1024 + 256 + BATCH * Integer.parseInt(r[1]);
        }
      }
    }
    throw new IllegalArgumentException(TABLE + " has no row for preset '" + preset + "'");
  }
}
