package io.fruits.features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * The team's shared material beside the repository ({@code ../shared}: the Fruits-360 sample and
 * the ONNX models). Integration tests that need it call {@link #require()}: when it is missing they
 * are skipped with a message saying what is missing and how to point at it.
 */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    String configured = System.getProperty("fruits.shared.dir");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured).toAbsolutePath().normalize();
    }
    // Surefire runs in the module folder: the repository is its parent.
    return Paths.get("..", "..", "shared").toAbsolutePath().normalize();
  }

  /** The shared folder, or a skipped test that says why. */
  public static Path require() {
    Path root = root();
    boolean present = Files.isDirectory(root.resolve("data/fruits-360")) && Files.isDirectory(root.resolve("models"));
    if (!present) {
      String why = "SKIPPED: needs the shared Fruits-360 sample and models at " + root
          + " (data/fruits-360, models); set -Dfruits.shared.dir=FOLDER to point elsewhere";
      System.err.println(why);
      Assumptions.abort(why);
    }
    return root;
  }

  public static Path models() {
    return require().resolve("models");
  }

  public static Path fruits() {
    return require().resolve("data/fruits-360");
  }

  /** The checksum that {@code models/SHA256SUMS} lists for a model file. */
  public static String sha256Of(String modelFile) throws java.io.IOException {
    for (String line : Files.readAllLines(models().resolve("SHA256SUMS"))) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && parts[1].equals(modelFile)) {
        return parts[0];
      }
    }
    throw new IllegalStateException(modelFile + " is not in SHA256SUMS");
  }
}
