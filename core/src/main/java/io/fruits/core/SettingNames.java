package io.fruits.core;

import io.fruits.features.ModelKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;

/**
 * Refuses a {@code -D} setting that can only be a mistyped one of the product's: a name under a
 * prefix the product owns ({@code pca.}, {@code model.}, ...) that it does not read, or a name a
 * letter or two from one it reads ({@code feature.batch.size}). Hadoop keeps whatever it is given,
 * so {@code -D pca.kk=3} ran with {@code pca.k}'s default and said nothing. Every other name
 * (Hadoop's, Spark's, a job's own) passes untouched.
 */
public final class SettingNames {
  private static final List<String> OWN_PREFIXES =
      List.of("pack.", "augment.", "features.", "engine.", "image.", "stats.", "pca.", "output.", "tensorflow.", "model.");
  /** What GenericOptionsParser records as the source of a {@code -D} it parsed. */
  private static final String COMMAND_LINE = "from command line";

  private SettingNames() {}

  /** The names the product reads. */
  public static TreeSet<String> known() {
    TreeSet<String> names = new TreeSet<>();
    for (FruitsConfigKeys k : FruitsConfigKeys.values()) {
      names.add(k.key());
    }
    for (ModelKey k : ModelKey.values()) {
      names.add(k.key());
    }
    return names;
  }

  /** The names ToolRunner's parser set from the command line. */
  public static List<String> fromCommandLine(Configuration conf) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, String> e : conf) {
      String[] sources = conf.getPropertySources(e.getKey());
      if (sources != null && List.of(sources).contains(COMMAND_LINE)) {
        names.add(e.getKey());
      }
    }
    return names;
  }

  /** Refuses the first name of {@code given} that is a mistyped setting, naming the one meant. */
  public static void check(Iterable<String> given, String help) {
    TreeSet<String> known = known();
    for (String name : given) {
      if (known.contains(name)) {
        continue;
      }
      String nearest = nearest(name, known);
      boolean own = OWN_PREFIXES.stream().anyMatch(name::startsWith);
      if (own || distance(name, nearest) <= 2) {
        throw new IllegalArgumentException("-D " + name + " is no setting of fruits; did you mean " + nearest + "? (settings: " + help + ")");
      }
    }
  }

  private static String nearest(String name, TreeSet<String> known) {
    String best = known.first();
    for (String k : known) {
      if (distance(name, k) < distance(name, best)) {
        best = k;
      }
    }
    return best;
  }

  /** Levenshtein distance: insertions, deletions and substitutions of one character. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
