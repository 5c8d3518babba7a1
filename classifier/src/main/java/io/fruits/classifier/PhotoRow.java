package io.fruits.classifier;

import java.util.List;

/** A real photo for training or calibration: its id, its folder, the classes it may be, its standardised features. */
public record PhotoRow(String id, String folder, List<String> classes, double[] values) {}
