package io.fruits.core;

import java.util.List;

/**
 * One row of a MapReduce-versus-Spark table: the stage as the table names it, then as each
 * edition's timing report names it (the two editions cut the pipeline at the same places but
 * call the first and the last stage differently).
 */
public record EditionStage(String row, String mapReduce, String spark) {
  /** Every stage, in pipeline order. */
  public static final List<EditionStage> ALL = List.of(
      new EditionStage("read/pack", "pack", "read"),
      new EditionStage("features", "features", "features"),
      new EditionStage("stats", "stats", "stats"),
      new EditionStage("PCA", "pca", "pca"),
      new EditionStage("projection", "projection", "projection"),
      new EditionStage("write", "merge", "write"));
}
