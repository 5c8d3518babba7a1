package io.fruits.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The shipped model in a folder of its own. On YARN, {@code SparkFiles} puts it in the container's
 * working folder beside the application jar and Spark's configuration, and DJL, which treats the
 * model file's folder as the model's, refuses to load it there ("does not support dynamic blocks",
 * found by SparkOnYarnIT). A local master keeps shipped files alone in a folder, which is why
 * only a cluster showed it. One copy per executor JVM, under its temporary folder.
 */
final class ModelAlone {
  private ModelAlone() {}

  static synchronized Path of(Path shipped) {
    try {
      Path folder = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "fruits-model-" + Files.size(shipped)));
      Path alone = folder.resolve(shipped.getFileName());
      if (!Files.exists(alone) || Files.size(alone) != Files.size(shipped)) {
        Path part = Files.createTempFile(folder, "copy", ".part");
        Files.copy(shipped, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, alone, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return alone;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the shipped model " + shipped.getFileName() + " to a folder of its own", e);
    }
  }
}
