package io.fruits.mapreduce;

/**
 * The command line of {@code fruits run}: {@code --input IN --output OUT --model PRESET|DESCRIPTOR
 * [--overwrite] [--until STAGE] [-D key=value ...]}. Hadoop's generic options given first
 * ({@code -D key=value}, {@code -files}, ...) are taken off by {@code ToolRunner}, which stops at
 * the first other argument; {@code -D} options after the named ones are collected here, so both
 * orders work.
 */
record PipelineOptions(
    String input, String output, String model, boolean overwrite, Stage until, boolean help, java.util.Map<String, String> defines) {
  static PipelineOptions parse(String[] args) {
    String input = null;
    String output = null;
    String model = null;
    boolean overwrite = false;
    Stage until = Stage.EXPORT;
    boolean help = false;
    java.util.Map<String, String> defines = new java.util.LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("-D") && args[i].length() > 2) {
        define(args[i].substring(2), defines);
        continue;
      }
      switch (args[i]) {
        case "-D" -> define(value(args, ++i, "-D"), defines);
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
    return new PipelineOptions(input, output, model, overwrite, until, help, defines);
  }

  private static void define(String keyValue, java.util.Map<String, String> defines) {
    int eq = keyValue.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("-D " + keyValue + " is not key=value; see fruits --help");
    }
    defines.put(keyValue.substring(0, eq), keyValue.substring(eq + 1));
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
