package io.fruits.layout;

/**
 * What a pack did: files and bytes packed, hidden files skipped, files whose content an earlier
 * file already had, SequenceFiles written.
 */
public record PackSummary(long files, long bytes, long skipped, long duplicates, int sequenceFiles) {}
