package io.fruits.mapreduce;

import java.io.PrintStream;
import java.util.Locale;

/**
 * How far a running job is, on one line: on a terminal the line rewrites itself in place ({@code \r})
 * as often as it changes; elsewhere (CI logs, EMR step logs, a file) a plain line at most every
 * {@value #PLAIN_SECONDS} seconds, so that a long run leaves a readable log, not thousands of lines.
 */
final class ProgressLine {
  static final int PLAIN_SECONDS = 10;

  private final PrintStream out;
  private final boolean terminal;
  private String shown = "";
  private long shownAt = Long.MIN_VALUE / 2;

  ProgressLine(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** A terminal that can take {@code \r}: a console and a TERM that is not "dumb". */
  static boolean onTerminal() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  /** Shows {@code text} if it changed and, off a terminal, if the last line is old enough. */
  void show(String text, long nanoTime) {
    if (text.equals(shown) || (!terminal && nanoTime - shownAt < PLAIN_SECONDS * 1_000_000_000L)) {
      return;
    }
    if (terminal) {
      out.print("\r" + text + " ".repeat(Math.max(0, shown.length() - text.length())));
      out.flush();
    } else {
      out.println(text);
    }
    shown = text;
    shownAt = nanoTime;
  }

  /** Ends the line in place, so that the next output starts on a line of its own. */
  void end() {
    if (terminal && !shown.isEmpty()) {
      out.println();
    }
    shown = "";
  }

  /**
   * "1,234/11,280 images (10.9%), 457 images/s, 0:22 left"; without a total (a resumed run) only
   * the count and the rate.
   */
  static String images(long done, long total, double seconds) {
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d", done));
    if (total > 0) {
      s.append(String.format(Locale.ROOT, "/%,d images (%.1f%%)", total, 100.0 * done / total));
    } else {
      s.append(" images");
    }
    s.append(String.format(Locale.ROOT, ", %.0f images/s", rate));
    if (total > 0 && rate > 0 && done < total) {
      long left = Math.round((total - done) / rate);
      s.append(String.format(Locale.ROOT, ", %d:%02d left", left / 60, left % 60));
    }
    return s.toString();
  }
}
