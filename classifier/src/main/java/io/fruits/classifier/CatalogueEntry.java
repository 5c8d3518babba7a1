package io.fruits.classifier;

/** What the catalogue says about one class of the data set. */
public record CatalogueEntry(String className, String displayName, String species, String variety, String description) {}
