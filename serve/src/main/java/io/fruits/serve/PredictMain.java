package io.fruits.serve;

import io.fruits.core.Launcher;
import io.fruits.features.RejectedImageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code fruits predict --run RUN IMAGE...}: one JSON object per line and image, with the top-3
 * classes, their probabilities and catalogue entries. An image that cannot be read gives a JSON
 * error line (and exit code 1 at the end); the others are still answered.
 */
public final class PredictMain {
  private PredictMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Launcher.run("fruits predict", err, () -> {
      ServeOptions o = ServeOptions.parse(args);
      if (o.help) {
        out.println("usage: fruits predict --run RUN [-D model.dir=DIR] [--max-bytes N] [--max-pixels N] [--views auto|N] IMAGE...");
        out.println("One JSON line per image: the top-3 fruits with their probabilities and catalogue entries, or an error.");
        out.println("An image over --max-bytes (default " + PhotoBytes.DEFAULT_MAX + ", the pipeline's pack.max.file.bytes) is not read further.");
        return 0;
      }
      if (o.images.isEmpty()) {
        throw new IllegalArgumentException("no IMAGE given; see fruits predict --help");
      }
      long maxBytes = o.maxBytes == null ? PhotoBytes.DEFAULT_MAX : o.maxBytes;
      int failed = 0;
      try (FruitPredictor predictor = FruitPredictor.open(o.run, o.model, o.maxPixels, Runtime.getRuntime().availableProcessors(), o.views)) {
        for (Path image : o.images) {
          failed += answer(predictor, image, maxBytes, out) ? 0 : 1;
        }
      }
      return failed == 0 ? 0 : Launcher.FAILURE;
    });
  }

  /**
   * Whether the JVM could not decode the name it was given: bytes that are no UTF-8 (a Latin-1
   * "été" from an old archive) reach {@code main} as U+FFFD, so the file exists under a name the
   * JVM cannot spell, and "no such file" would be wrong.
   */
  private static boolean undecodableName(Path image) {
    return image.toString().indexOf('\uFFFD') >= 0;
  }

  /** Prints the answer for one image, or its error line; false for an error. */
  private static boolean answer(FruitPredictor predictor, Path image, long maxBytes, PrintStream out) throws IOException {
    String error;
    try {
      out.println(predictor.predict(image.toString(), PhotoBytes.read(image, maxBytes)).json());
      return true;
    } catch (RejectedImageException e) {
      error = Json.error(image.toString(), e.reason().word(), e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      error = undecodableName(image)
          ? Json.error(image.toString(), "unreadable", "its name is not valid in the JVM's file name charset (UTF-8), so the JVM cannot open it: rename it")
          : Json.error(image.toString(), "missing", "no such file");
    } catch (IOException e) {
      // A folder, a file without read permission: this image gets an error line, the next ones still their answers.
      error = Json.error(image.toString(), "unreadable", Files.isDirectory(image) ? "a folder, not a photo" : "cannot be read");
    }
    out.println(error);
    return false;
  }
}
