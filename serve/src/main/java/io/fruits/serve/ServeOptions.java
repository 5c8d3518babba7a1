package io.fruits.serve;

import io.fruits.features.ImageDecoder;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line of {@code fruits predict} and {@code fruits serve}: {@code --run RUN} (a
 * finished run with its classifier), {@code -D model.dir=...} to find the model file on this
 * machine, limits, and the images or the port.
 */
final class ServeOptions {
  static final String USAGE = "usage: fruits predict --run RUN [-D model.dir=DIR] IMAGE... | fruits serve --run RUN [--port 8080] "
      + "[--max-bytes N] [--max-pixels N] [-D model.dir=DIR]";

  Path run;
  int port = 8080;
  long maxBytes = 10L * 1024 * 1024;
  long maxPixels = ImageDecoder.DEFAULT_MAX_PIXELS;
  final Map<String, String> model = new TreeMap<>();
  final List<Path> images = new ArrayList<>();

  static ServeOptions parse(String[] args) {
    ServeOptions o = new ServeOptions();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      boolean hasValue = i + 1 < args.length;
      if (a.equals("--run") && hasValue) {
        o.run = Paths.get(args[++i]);
      } else if (a.equals("--port") && hasValue) {
        o.port = (int) number(a, args[++i]);
      } else if (a.equals("--max-bytes") && hasValue) {
        o.maxBytes = number(a, args[++i]);
      } else if (a.equals("--max-pixels") && hasValue) {
        o.maxPixels = number(a, args[++i]);
      } else if (a.equals("-D") && hasValue) {
        o.define(args[++i]);
      } else if (a.startsWith("-D") && a.length() > 2) {
        o.define(a.substring(2));
      } else if (a.startsWith("-")) {
        throw new IllegalArgumentException("unknown option '" + a + "'; " + USAGE);
      } else {
        o.images.add(Paths.get(a));
      }
    }
    if (o.run == null) {
      throw new IllegalArgumentException("--run is missing; " + USAGE);
    }
    return o;
  }

  private void define(String kv) {
    int eq = kv.indexOf('=');
    if (eq <= 0 || !kv.startsWith("model.")) {
      throw new IllegalArgumentException("-D " + kv + ": only model.* keys apply here; " + USAGE);
    }
    model.put(kv.substring(0, eq), kv.substring(eq + 1));
  }

  private static long number(String option, String v) {
    try {
      long n = Long.parseLong(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what to give
    }
    throw new IllegalArgumentException(option + " is '" + v + "'; give a positive whole number");
  }
}
