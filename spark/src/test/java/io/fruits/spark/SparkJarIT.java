package io.fruits.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The application jar for spark-submit (built in the package phase, before this test): ImageIO
 * finds its plug-ins through {@code META-INF/services}, and each TwelveMonkeys jar brings its own
 * copy of that file, so shading must merge them or the executors lose the CMYK, WebP or TIFF reader.
 */
class SparkJarIT {
  @Test
  void theShadedJarListsEveryImageReaderPlugin() throws Exception {
    Path jar = Paths.get("target/fruits-spark.jar");
    assertTrue(Files.isRegularFile(jar), "run mvn package first: " + jar.toAbsolutePath());
    try (JarFile j = new JarFile(jar.toFile())) {
      String services = new String(j.getInputStream(j.getEntry("META-INF/services/javax.imageio.spi.ImageReaderSpi")).readAllBytes(),
          StandardCharsets.UTF_8);
      for (String spi : new String[] {"com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi",
          "com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi", "com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi"}) {
        assertTrue(services.contains(spi), spi + " missing from " + services);
        assertTrue(j.getEntry(spi.replace('.', '/') + ".class") != null, spi + " class missing");
      }
    }
  }
}
