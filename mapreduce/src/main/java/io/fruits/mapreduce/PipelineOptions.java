package io.fruits.mapreduce;

import io.fruits.core.CommandLine;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code fruits run}: {@code --input IN --output OUT --model PRESET|DESCRIPTOR
 * [--overwrite] [--until STAGE] [-D key=value ...]}. Hadoop's generic options given first
 * ({@code -D key=value}, {@code -files}, ...) are taken off by {@code ToolRunner}; {@code -D}
 * options after the named ones are read by {@link CommandLine}, so both orders work.
 */
record PipelineOptions(String input, String output, String model, boolean overwrite, Stage until, boolean help, Map<String, String> defines) {
  static final CommandLine.Spec SPEC =
      CommandLine.Spec.of("see fruits run --help", List.of("--input", "--output", "--model", "--until"), List.of("--overwrite"), false);

  static PipelineOptions parse(String[] args) {
    CommandLine c = CommandLine.parse(args, SPEC);
    if (c.help()) {
      return new PipelineOptions(null, null, null, false, Stage.EXPORT, true, c.defines());
    }
    String input = c.require("--input", "IN (the image folder)");
    String output = c.require("--output", "OUT (a folder for this run)");
    String model = c.require("--model", "PRESET|DESCRIPTOR (vgg16, squeezenet1.1, mobilenetv2 or a .properties file)");
    Stage until = c.value("--until") == null ? Stage.EXPORT : Stage.parse(c.value("--until"));
    return new PipelineOptions(input, output, model, c.has("--overwrite"), until, false, c.defines());
  }
}
