package io.fruits.serve;

import io.fruits.features.ImageDecoder;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line of {@code fruits predict} and {@code fruits serve}: {@code --run RUN} (a
 * finished run with its classifier), {@code -D model.dir=...} to find the model file on this
 * machine, limits, and the images or where to listen. Every number is checked here, so a wrong
 * one fails before the model is loaded.
 */
final class ServeOptions {
  static final String USAGE = "usage: fruits predict --run RUN [-D model.dir=DIR] IMAGE... | fruits serve --run RUN [--host 127.0.0.1] "
      + "[--port 8080] [--tls-keystore FILE.p12] [--max-bytes N] [--max-pixels N] [--queue N] [--deadline-seconds N] "
      + "[--min-upload-rate BYTES_PER_S] [--threads N] [-D model.dir=DIR]";
  /** Where the keystore's password comes from: not the command line, which other users can read. */
  static final String TLS_PASSWORD_ENV = "FRUITS_TLS_PASSWORD";

  Path run;
  String host = "127.0.0.1";
  int port = 8080;
  Path keystore;
  long maxBytes = ServiceLimits.DEFAULTS.maxBytes();
  long maxPixels = ImageDecoder.DEFAULT_MAX_PIXELS;
  int queue = ServiceLimits.DEFAULTS.queue();
  long deadlineSeconds = ServiceLimits.DEFAULTS.deadline().toSeconds();
  long minUploadRate = ServiceLimits.DEFAULTS.minUploadRate();
  int threads = ServiceLimits.DEFAULTS.threads();
  final Map<String, String> model = new TreeMap<>();
  final List<Path> images = new ArrayList<>();

  static ServeOptions parse(String[] args) {
    ServeOptions o = new ServeOptions();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      boolean hasValue = i + 1 < args.length;
      if (a.equals("--run") && hasValue) {
        o.run = Paths.get(args[++i]);
      } else if (a.equals("--host") && hasValue) {
        o.host = args[++i];
      } else if (a.equals("--port") && hasValue) {
        o.port = (int) number(a, args[++i], 0, 65535);
      } else if (a.equals("--tls-keystore") && hasValue) {
        o.keystore = Paths.get(args[++i]);
      } else if (a.equals("--max-bytes") && hasValue) {
        o.maxBytes = number(a, args[++i], 1, Integer.MAX_VALUE);
      } else if (a.equals("--max-pixels") && hasValue) {
        o.maxPixels = number(a, args[++i], 1, Long.MAX_VALUE);
      } else if (a.equals("--queue") && hasValue) {
        o.queue = (int) number(a, args[++i], 0, 10_000);
      } else if (a.equals("--deadline-seconds") && hasValue) {
        o.deadlineSeconds = number(a, args[++i], 1, 3600);
      } else if (a.equals("--min-upload-rate") && hasValue) {
        o.minUploadRate = number(a, args[++i], 0, Long.MAX_VALUE);
      } else if (a.equals("--threads") && hasValue) {
        o.threads = (int) number(a, args[++i], 8, 10_000);
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

  ServiceLimits limits() {
    return new ServiceLimits(maxBytes, maxPixels, queue, Duration.ofSeconds(deadlineSeconds), minUploadRate, threads);
  }

  /** The keystore's password, or an error saying where to put it. */
  String tlsPassword() {
    String password = System.getenv(TLS_PASSWORD_ENV);
    if (password == null) {
      throw new IllegalArgumentException("--tls-keystore needs its password in the environment variable " + TLS_PASSWORD_ENV);
    }
    return password;
  }

  private void define(String kv) {
    int eq = kv.indexOf('=');
    if (eq <= 0 || !kv.startsWith("model.")) {
      throw new IllegalArgumentException("-D " + kv + ": only model.* keys apply here; " + USAGE);
    }
    model.put(kv.substring(0, eq), kv.substring(eq + 1));
  }

  private static long number(String option, String v, long min, long max) {
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what to give
    }
    throw new IllegalArgumentException(option + " is '" + v + "'; give a whole number from " + min + " to " + max);
  }
}
