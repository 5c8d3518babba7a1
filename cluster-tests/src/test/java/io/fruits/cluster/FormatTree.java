package io.fruits.cluster;

import io.fruits.features.FormatSamples;
import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A small Fruits-360 tree plus {@code Training/Formats}: CMYK/YCCK JPEGs with ICC profiles, WebP,
 * TIFF and animated files, read only by the TwelveMonkeys plug-ins, which a shaded jar finds only
 * if its merged {@code META-INF/services} lists them; and one file that is no image.
 */
final class FormatTree {
  static final String BROKEN = "Training/Apple 6/broken.jpg";

  private FormatTree() {}

  /** Writes the tree under {@code local} and returns the names of the format samples. */
  static Set<String> write(Path local, int classes, int perClass, Path scratch) throws IOException, InterruptedException {
    FormatSamples.requireTools();
    ImageTrees.copySubset(SharedData.fruits().resolve("Training"), local.resolve("Training"), classes, perClass);
    Path formats = Files.createDirectories(local.resolve("Training/Formats"));
    BufferedImage photo = ImageIO.read(ImageTrees.firstFile(local.resolve("Training/Apple 6")).toFile());
    var samples = FormatSamples.all(photo, Files.createDirectories(scratch));
    for (var sample : samples.entrySet()) {
      Files.write(formats.resolve(sample.getKey()), sample.getValue());
    }
    Files.writeString(local.resolve(BROKEN), "not an image");
    return samples.keySet();
  }
}
