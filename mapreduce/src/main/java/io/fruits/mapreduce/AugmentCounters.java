package io.fruits.mapreduce;

/** Counters of the augmentation job. */
public enum AugmentCounters {
  IMAGES_READ,
  /** Images outside {@code augment.only}: not augmented. */
  IMAGES_LEFT_OUT,
  IMAGES_AUGMENTED,
  /** Images that do not decode: no variants; the feature job rejects the image itself, with its reason. */
  IMAGES_UNDECODABLE,
  /** Images the augmenter failed on (a fault, logged with the id): no variants, the image itself goes on. */
  IMAGES_NOT_AUGMENTED,
  VARIANTS_WRITTEN,
  VARIANT_BYTES
}
