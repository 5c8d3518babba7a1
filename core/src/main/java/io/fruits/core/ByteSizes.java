package io.fruits.core;

import java.util.Locale;

/** Byte counts as people read them in progress lines and reports: KB below a mebibyte, MB from there. */
public final class ByteSizes {
  private ByteSizes() {}

  public static String human(long bytes) {
    return bytes < (1 << 20) ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0) : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
