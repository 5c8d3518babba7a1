package io.fruits.classifier;

import java.util.List;

/**
 * The answer for one photo: the most probable classes (calibrated, best first), the summed
 * probability of the first one's family, how much the ImageNet classifier saw produce (NaN when
 * the run has none), and whether that is enough to name it.
 */
public record Verdict(List<Guess> top, double familyProbability, double produce, boolean sure) {}
