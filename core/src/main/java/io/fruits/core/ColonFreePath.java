package io.fruits.core;

import java.util.regex.Pattern;

/**
 * Refuses, when the command is read, a run folder Hadoop cannot read back: one with ':' in a name
 * of its path. Hadoop's glob rebuilds a path one name at a time and takes what precedes a ':' for
 * a URI scheme ("Relative path in absolute URI: run:2"); a run into {@code /tmp/run:2} packed its
 * input and then failed with that line. A scheme and an authority ({@code hdfs://nn:8020/},
 * {@code s3a://bucket/}, {@code file:/}) are not names.
 */
public final class ColonFreePath {
  /** A scheme followed by '/', and the authority after "//". */
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:(?=/)(//[^/]*)?");

  private ColonFreePath() {}

  /** Returns {@code location}, or refuses it in one line that names {@code option}. */
  public static String check(String option, String location) {
    if (SCHEME.matcher(location).replaceFirst("").contains(":")) {
      throw new IllegalArgumentException(option + " " + location + ": Hadoop cannot read a run back from a folder with ':' in its name"
          + " (it takes what comes before it for a URI scheme); give " + option + " a name without ':'");
    }
    return location;
  }
}
