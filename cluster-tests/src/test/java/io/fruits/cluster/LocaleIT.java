package io.fruits.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.Csv;
import io.fruits.features.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/fruits run} under the C locale of containers and cron jobs: a class folder named
 * with letters outside ASCII ({@code Pomme été}) gives its vectors, and a name that is no valid
 * UTF-8 is a reject that says to rename it. Before, the JVM, encoding names in ASCII, could open
 * neither. Here, beside the cluster tests, because the script needs every module built. The files
 * are made by the shell, since this JVM may itself run under the C locale.
 */
class LocaleIT {
  @Test
  void namesOutsideAsciiAreReadUnderTheCLocale(@TempDir Path dir) throws Exception {
    Path training = SharedData.fruits().resolve("Training");
    Path kiwi = first(training.resolve("Kiwi 1")).get(0);
    Path in = dir.resolve("in");
    String make = "set -e; mkdir -p \"$1/Kiwi 1\" \"$1/Pomme $(printf '\\303\\251t\\303\\251')\";"
        + " cp \"$2\" \"$1/Pomme $(printf '\\303\\251t\\303\\251')/a.jpg\"; cp \"$3\" \"$1/Pomme $(printf '\\303\\251t\\303\\251')/b.jpg\";"
        + " cp \"$2\" \"$1/Kiwi 1/c.jpg\"; cp \"$3\" \"$1/Kiwi 1/$(printf 'bad\\377name.jpg')\"";
    List<Path> apples = first(training.resolve("Apple 6"));
    assertEquals(0, new ProcessBuilder("sh", "-c", make, "sh", in.toString(), apples.get(0).toString(), apples.get(1).toString())
        .inheritIO().start().waitFor());
    Files.copy(kiwi, in.resolve("Kiwi 1/d.jpg"));

    Path out = dir.resolve("out");
    ProcessBuilder pb = new ProcessBuilder("scripts/fruits", "run", "--input", in.toString(), "--output", out.toString(), "--model", "squeezenet1.1")
        .directory(Path.of("..").toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove("LANG");
    pb.environment().remove("LANGUAGE");
    pb.environment().put("LC_ALL", "C");
    pb.environment().put("FRUITS_MODEL_DIR", SharedData.models().toString());
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);

    List<String> ids = Files.readAllLines(out.resolve("features.csv"), StandardCharsets.UTF_8).stream().skip(1)
        .map(l -> Csv.parse(l).get(0)).toList();
    assertEquals(List.of("Kiwi 1/c.jpg", "Kiwi 1/d.jpg", "Pomme été/a.jpg", "Pomme été/b.jpg"), ids);
    List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"), StandardCharsets.UTF_8);
    assertEquals(2, rejects.size(), rejects.toString());
    List<String> row = Csv.parse(rejects.get(1));
    assertEquals("unreadable", row.get(2), row.toString());
    assertTrue(row.get(3).startsWith("its name cannot be given to the operating system in the JVM's file name charset (UTF-8)"), row.get(3));
  }

  private static List<Path> first(Path folder) throws java.io.IOException {
    try (var files = Files.list(folder)) {
      return files.sorted().limit(2).toList();
    }
  }
}
