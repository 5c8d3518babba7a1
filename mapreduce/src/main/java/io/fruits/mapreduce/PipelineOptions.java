package io.fruits.mapreduce;

import io.fruits.core.ColonFreePath;
import io.fruits.core.CommandLine;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code fruits run}: {@code --input IN [--listing INVENTORY.csv] --output OUT --model PRESET|DESCRIPTOR
 * [--overwrite | --update] [--until STAGE] [-D key=value ...]}. Hadoop's generic options given first
 * ({@code -D key=value}, {@code -files}, ...) are taken off by {@code ToolRunner}; {@code -D}
 * options after the named ones are read by {@link CommandLine}, so both orders work.
 */
record PipelineOptions(String input, String listing, String output, String model, boolean overwrite, boolean update, Stage until, boolean help, Map<String, String> defines) {
  static final CommandLine.Spec SPEC =
      CommandLine.Spec.of("see fruits run --help", List.of("--input", "--listing", "--output", "--model", "--until"), List.of("--overwrite", "--update"), false);

  static PipelineOptions parse(String[] args) {
    CommandLine c = CommandLine.parse(args, SPEC);
    if (c.help()) {
      return new PipelineOptions(null, null, null, null, false, false, Stage.EXPORT, true, c.defines());
    }
    String input = c.require("--input", "IN (the image folder)");
    String output = ColonFreePath.check("--output", c.require("--output", "OUT (a folder for this run)"));
    String model = c.require("--model", "PRESET|DESCRIPTOR (vgg16, squeezenet1.1, mobilenetv2, their -imagenet classifiers or a .properties file)");
    Stage until = c.value("--until") == null ? Stage.EXPORT : Stage.parse(c.value("--until"));
    if (c.has("--update") && c.has("--overwrite")) {
      throw new IllegalArgumentException("--update keeps the run and --overwrite deletes it: give one of them");
    }
    if (c.has("--update") && until != Stage.EXPORT) {
      throw new IllegalArgumentException("--update runs every stage after the features: drop --until");
    }
    return new PipelineOptions(input, c.value("--listing"), output, model, c.has("--overwrite"), c.has("--update"), until, false, c.defines());
  }
}
