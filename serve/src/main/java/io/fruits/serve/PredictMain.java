package io.fruits.serve;

import io.fruits.features.RejectedImageException;
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
    ServeOptions o;
    try {
      o = ServeOptions.parse(args);
      if (o.images.isEmpty()) {
        throw new IllegalArgumentException("no IMAGE given; " + ServeOptions.USAGE);
      }
    } catch (IllegalArgumentException e) {
      err.println("fruits predict: " + e.getMessage());
      return 2;
    }
    int failed = 0;
    try (FruitPredictor predictor = FruitPredictor.open(o.run, o.model, o.maxPixels, Runtime.getRuntime().availableProcessors())) {
      for (Path image : o.images) {
        try {
          out.println(predictor.predict(image.toString(), Files.readAllBytes(image)).json());
        } catch (RejectedImageException e) {
          out.println("{\"image\": " + Json.string(image.toString()) + ", " + Json.error(e.reason().word(), e.getMessage()).substring(1));
          failed++;
        } catch (java.nio.file.NoSuchFileException e) {
          out.println("{\"image\": " + Json.string(image.toString()) + ", " + Json.error("missing", "no such file").substring(1));
          failed++;
        } catch (java.io.IOException e) {
          // A folder, a file without read permission: this image is answered with an error, the next ones still are.
          String why = Files.isDirectory(image) ? "a folder, not a photo" : "cannot be read";
          out.println("{\"image\": " + Json.string(image.toString()) + ", " + Json.error("unreadable", why).substring(1));
          failed++;
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("fruits predict: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("fruits predict: " + e.getMessage());
      e.printStackTrace(err);
      return 1;
    }
    return failed == 0 ? 0 : 1;
  }
}
