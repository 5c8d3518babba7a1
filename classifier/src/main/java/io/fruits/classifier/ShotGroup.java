package io.fruits.classifier;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which photos were probably shot together: a folder's files named {@code Banana_001.jpg},
 * {@code Banana_002.jpg}, ... come from a camera's sequence, and shots taken one after the other
 * show the same shelf. Holding out single photos would then test the classifier on near copies of
 * what it trained on and promise far more than it gives on new photos; whole runs of
 * {@value #RUN} numbers are held out instead. A name without a number is its own group.
 */
final class ShotGroup {
  static final int RUN = 10;
  private static final Pattern NUMBERED = Pattern.compile("^(.*?)(\\d+)(\\.[^./]*)?$");

  private ShotGroup() {}

  static String of(String id) {
    int slash = id.lastIndexOf('/');
    String folder = slash < 0 ? "" : id.substring(0, slash + 1);
    Matcher m = NUMBERED.matcher(id.substring(slash + 1));
    if (!m.matches() || m.group(2).length() > 9) {
      return id;
    }
    return folder + m.group(1) + "#" + Long.parseLong(m.group(2)) / RUN;
  }
}
