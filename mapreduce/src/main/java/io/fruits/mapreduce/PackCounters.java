package io.fruits.mapreduce;

/** Counters of the pack job. */
public enum PackCounters {
  FILES_PACKED,
  BYTES_PACKED,
  /** Listed, but gone or forbidden when read: rejects, not failed tasks. */
  FILES_UNREADABLE
}
