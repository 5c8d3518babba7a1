package io.fruits.layout;

/** What a pack did: files and bytes packed, hidden files skipped, SequenceFiles written. */
public record PackSummary(long files, long bytes, long skipped, int sequenceFiles) {}
