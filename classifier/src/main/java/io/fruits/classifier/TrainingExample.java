package io.fruits.classifier;

import java.util.List;

/**
 * One example the classifier learns from: the classes it may be (equally likely: a shop photo of
 * "Apple Golden-Delicious" may be any of Fruits-360's three Golden varieties), its standardised
 * features and a weight.
 */
public record TrainingExample(List<String> labels, double[] values, float weight) {}
