package io.fruits.classifier;

/** A class and the classifier's probability for it. */
public record Guess(String label, double probability) {}
