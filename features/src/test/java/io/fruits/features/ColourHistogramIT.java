package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code model.histogram=hsv} on a real model and real images: each vector is the CNN's values as
 * without it, then the colour histogram of the very pixels the CNN was given.
 */
class ColourHistogramIT {
  @Test
  void theColourHistogramFollowsTheCnnValues() throws Exception {
    Map<String, String> keys = Map.of("model.preset", "squeezenet1.1", "model.dir", SharedData.models().toString());
    ModelDescriptor plain = ModelDescriptor.of(keys);
    Map<String, String> withHistogram = new HashMap<>(keys);
    withHistogram.put("model.histogram", "hsv");
    ModelDescriptor coloured = ModelDescriptor.of(withHistogram);
    List<Path> images = SqueezeNetParityIT.sampleImages();
    List<float[]> cnn = vectors(plain, images);
    List<float[]> both = vectors(coloured, images);
    ImagePreprocessor pre = new ImagePreprocessor(coloured, ImageDecoder.DEFAULT_MAX_PIXELS);
    for (int n = 0; n < images.size(); n++) {
      float[] v = both.get(n);
      assertEquals(512 + ColourHistogram.SIZE, v.length);
      assertArrayEquals(cnn.get(n), Arrays.copyOf(v, 512));
      byte[] bytes = Files.readAllBytes(images.get(n));
      float[] histogram = new float[ColourHistogram.SIZE];
      ColourHistogram.of(pre.resized(bytes, bytes.length), histogram);
      assertArrayEquals(histogram, Arrays.copyOfRange(v, 512, v.length), images.get(n).toString());
    }
    try (FeatureExtractor extractor = FeatureExtractor.open(coloured, new ModelLocator().locate(coloured), 1)) {
      assertEquals(512 + ColourHistogram.SIZE, extractor.dimension(), "the probe that sizes a run counts the histogram");
    }
  }

  private static List<float[]> vectors(ModelDescriptor d, List<Path> images) throws Exception {
    List<float[]> out = new ArrayList<>();
    try (FeatureExtractor extractor = FeatureExtractor.open(d, new ModelLocator().locate(d), 2);
        FeatureBatcher batcher = new FeatureBatcher(extractor, 3, ImageDecoder.DEFAULT_MAX_PIXELS,
            SqueezeNetParityIT.collect(out, new ArrayList<>()))) {
      for (Path p : images) {
        byte[] bytes = Files.readAllBytes(p);
        batcher.add(p.toString(), "x", bytes, bytes.length);
      }
      batcher.flush();
    }
    return out;
  }
}
