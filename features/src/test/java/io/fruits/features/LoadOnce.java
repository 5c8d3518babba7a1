package io.fruits.features;

import java.nio.file.Paths;
import java.util.Map;

/** A separate JVM that loads a model once and exits: what every map task JVM does. */
public final class LoadOnce {
  private LoadOnce() {}

  public static void main(String[] args) throws Exception {
    ModelDescriptor d = ModelDescriptor.of(Map.of("model.preset", "squeezenet1.1", "model.path", args[0], "model.sha256", ""));
    try (FeatureExtractor e = FeatureExtractor.open(d, Paths.get(args[0]), 1)) {
      System.out.println(e.dimension());
    }
  }
}
