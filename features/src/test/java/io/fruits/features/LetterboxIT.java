package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fruits-360's own reduction as the reference: each shared original-size photo whose 100x100
 * image is in the sample ({@code cucumber_3/r0_0.jpg} and {@code Cucumber 3/r0_0_100.jpg}) goes
 * through MobileNetV2 fitted on white and stretched, and the fitted one must be the nearer to the
 * 100x100 image's vector, by cosine, for the photos whose shape is far from square.
 */
class LetterboxIT {
  /** Photos whose long side is at least this many times the short one: stretching changes their shape. */
  private static final double ELONGATED = 1.25;

  @Test
  void photosOnWhiteFittedLookLikeFruits360sOwnImages() throws Exception {
    ModelDescriptor d = ModelDescriptor.of(Map.of("model.preset", "mobilenetv2", "model.dir", SharedData.models().toString()));
    ImagePreprocessor pre = new ImagePreprocessor(d, ImageDecoder.DEFAULT_MAX_PIXELS);
    ImageBatch batch = new ImageBatch(d, 1);
    int elongated = 0;
    int fittedNearer = 0;
    double fittedSum = 0;
    double stretchedSum = 0;
    int all = 0;
    try (FeatureExtractor extractor = FeatureExtractor.open(d, new ModelLocator().locate(d), 2)) {
      for (Path[] pair : pairs()) {
        RgbImage original = pre.decoded(Files.readAllBytes(pair[0]), (int) Files.size(pair[0])).copy();
        assertTrue(StudioShot.is(original), pair[0] + " is a photo on white");
        float[] reference = vector(extractor, pre, batch, pre.resized(Files.readAllBytes(pair[1]), (int) Files.size(pair[1])));
        double fitted = cosine(reference, vector(extractor, pre, batch, pre.resize(original)));
        double stretched = cosine(reference, vector(extractor, pre, batch, pre.resize(original, false)));
        fittedSum += fitted;
        stretchedSum += stretched;
        all++;
        double aspect = Math.max(original.width(), original.height()) / (double) Math.min(original.width(), original.height());
        if (aspect >= ELONGATED) {
          elongated++;
          fittedNearer += fitted > stretched ? 1 : 0;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d pairs: mean cosine to the 100x100 image %.4f fitted, %.4f stretched; %d of %d elongated photos nearer fitted%n",
        all, fittedSum / all, stretchedSum / all, fittedNearer, elongated);
    assertTrue(all >= 50 && elongated >= 20, all + " pairs, " + elongated + " elongated");
    assertTrue(fittedNearer >= 0.9 * elongated, fittedNearer + " of " + elongated + " elongated photos nearer fitted");
    assertTrue(fittedSum > stretchedSum, "fitted nearer on average over all " + all);
  }

  /** Original-size photo and its 100x100 image in the sample, by folder name lowercased with underscores. */
  private static List<Path[]> pairs() throws Exception {
    Path originals = SharedData.require().resolve("data/fruits-360-original-size/Training");
    List<Path[]> out = new ArrayList<>();
    try (Stream<Path> classes = Files.list(SharedData.fruits().resolve("Training")).sorted()) {
      for (Path c : classes.toList()) {
        Path folder = originals.resolve(c.getFileName().toString().toLowerCase(Locale.ROOT).replace(' ', '_'));
        if (!Files.isDirectory(folder)) {
          continue;
        }
        try (Stream<Path> files = Files.list(folder).sorted()) {
          for (Path original : files.toList()) {
            Path small = c.resolve(original.getFileName().toString().replace(".jpg", "_100.jpg"));
            if (Files.exists(small)) {
              out.add(new Path[] {original, small});
            }
          }
        }
      }
    }
    return out;
  }

  private static float[] vector(FeatureExtractor extractor, ImagePreprocessor pre, ImageBatch batch, RgbImage image) throws Exception {
    pre.prepare(image, batch, 0);
    batch.setCount(1);
    return extractor.extract(batch)[0];
  }

  private static double cosine(float[] a, float[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return ab / Math.sqrt(aa * bb);
  }
}
