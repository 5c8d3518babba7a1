package io.fruits.mapreduce;

/**
 * The command line of {@code fruits run}: {@code --input IN --output OUT --model PRESET|DESCRIPTOR
 * [--overwrite] [--until STAGE]}. Hadoop's generic options ({@code -D key=value}, {@code -files}, ...) are taken
 * off before by {@code ToolRunner}.
 */
record PipelineOptions(String input, String output, String model, boolean overwrite, Stage until, boolean help) {
  static PipelineOptions parse(String[] args) {
    String input = null;
    String output = null;
    String model = null;
    boolean overwrite = false;
    Stage until = Stage.EXPORT;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--input" -> input = value(args, ++i, "--input");
        case "--output" -> output = value(args, ++i, "--output");
        case "--model" -> model = value(args, ++i, "--model");
        case "--overwrite" -> overwrite = true;
        case "--until" -> until = Stage.parse(value(args, ++i, "--until"));
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; see fruits --help");
      }
    }
    if (!help) {
      require(input, "--input IN (the image folder)");
      require(output, "--output OUT (a folder for this run)");
      require(model, "--model PRESET|DESCRIPTOR (vgg16, squeezenet1.1, mobilenetv2 or a .properties file)");
    }
    return new PipelineOptions(input, output, model, overwrite, until, help);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value; see fruits --help");
    }
    return args[i];
  }

  private static void require(String value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("missing " + what + "; see fruits --help");
    }
  }
}
