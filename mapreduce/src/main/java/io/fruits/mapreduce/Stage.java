package io.fruits.mapreduce;

import java.util.Locale;

/** The pipeline's stages in order; {@code --until STAGE} stops after one (EMR runs one per step). */
enum Stage {
  PACK,
  /** Only with {@code augment.variants} above 0; otherwise it does nothing. */
  AUGMENT,
  FEATURES,
  STATS,
  PCA,
  EXPORT;

  static Stage parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown stage '" + name + "'; use pack, augment, features, stats, pca or export");
    }
  }

  String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
