package io.fruits.mapreduce;

/**
 * What a pack did: files and bytes packed, paths skipped (hidden, links, folders that may not be read), files over the size
 * limit and files listed but unreadable (both rejects), files whose content an earlier file
 * already had, SequenceFiles written.
 */
public record PackSummary(long files, long bytes, long skipped, long tooLarge, long unreadable, long duplicates, int sequenceFiles) {}
