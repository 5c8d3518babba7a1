package io.fruits.mapreduce;

/** Counters of the feature job; rejects are counted per reason in the group {@value #REJECTS}. */
public enum FeatureCounters {
  IMAGES_READ,
  BYTES_READ,
  IMAGES_DECODED,
  /** Images of an update whose bytes did not change: their earlier vector or reject, not decoded again. */
  IMAGES_REUSED,
  VECTORS_WRITTEN,
  REJECTED,
  DECODE_MILLIS,
  DECODE_WAIT_MILLIS,
  INFERENCE_MILLIS,
  /** Resident memory of the task JVM after setup, halfway through {@code fruits.rss.mid} images, and at the end. */
  RSS_START_KB,
  RSS_MID_KB,
  RSS_END_KB;

  public static final String REJECTS = "Rejects by reason";
}
