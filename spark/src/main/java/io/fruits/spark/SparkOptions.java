package io.fruits.spark;

import io.fruits.core.ColonFreePath;
import io.fruits.core.CommandLine;
import java.util.List;
import java.util.Map;

/**
 * {@code fruits spark --input IN --output OUT --model PRESET|DESCRIPTOR [--master URL]
 * [--overwrite] [-D key=value ...]}: the MapReduce edition's command line, plus the Spark master
 * ({@code local[*]} by default; under spark-submit the master given there wins).
 */
final class SparkOptions {
  static final String USAGE =
      "usage: fruits spark --input IN --output OUT --model PRESET|DESCRIPTOR [--master local[*]] [--overwrite] [-D key=value ...]";
  static final CommandLine.Spec SPEC =
      CommandLine.Spec.of("see fruits spark --help", List.of("--input", "--output", "--model", "--master"), List.of("--overwrite"), false);

  final String input;
  final String output;
  final String model;
  final String master;
  final boolean overwrite;
  final boolean help;
  final Map<String, String> defines;

  private SparkOptions(CommandLine c) {
    this.help = c.help();
    this.input = help ? null : c.require("--input", "IN (the image folder)");
    this.output = help ? null : ColonFreePath.check("--output", c.require("--output", "OUT (a folder for this run)"));
    this.model = help ? null : c.require("--model", "PRESET|DESCRIPTOR (vgg16, squeezenet1.1, mobilenetv2, their -imagenet classifiers or a .properties file)");
    this.master = c.value("--master");
    this.overwrite = c.has("--overwrite");
    this.defines = c.defines();
  }

  static SparkOptions parse(String[] args) {
    return new SparkOptions(CommandLine.parse(args, SPEC));
  }
}
