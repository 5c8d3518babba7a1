package io.fruits.mapreduce;

/** Counters of the pack job. */
public enum PackCounters {
  FILES_PACKED,
  BYTES_PACKED
}
