package io.fruits.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * The run's evaluation report holds one section per set of photos evaluated ({@code ## Evaluation
 * on real-photos/dev}, {@code ## Evaluation on fruits-360/Test}, ...): evaluating a set again
 * replaces its own section in place, and the other sets' numbers stay, so the report keeps what
 * the README's tables quote side by side.
 */
final class EvaluationReport {
  private static final String SECTION = "## ";

  private EvaluationReport() {}

  /** {@code existing} (empty when there is none yet) with {@code section} put in the place of its set's earlier one, or after the rest. */
  static String merged(String existing, String section) {
    String title = firstLine(section);
    List<String> sections = new ArrayList<>();
    boolean replaced = false;
    for (String s : sections(existing)) {
      if (firstLine(s).equals(title)) {
        sections.add(section.strip());
        replaced = true;
      } else {
        sections.add(s);
      }
    }
    if (!replaced) {
      sections.add(section.strip());
    }
    return String.join("\n\n", sections) + "\n";
  }

  /** The sections of a report, each from its {@code ## } line to the next, stripped of blank ends. */
  private static List<String> sections(String report) {
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    for (String line : report.split("\n", -1)) {
      if (line.startsWith(SECTION)) {
        if (current != null) {
          out.add(current.toString().strip());
        }
        current = new StringBuilder();
      }
      if (current != null) { // text before the first section: none is ever written
        current.append(line).append('\n');
      }
    }
    if (current != null) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
