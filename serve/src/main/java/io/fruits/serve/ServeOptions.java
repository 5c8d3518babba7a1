package io.fruits.serve;

import io.fruits.core.CommandLine;
import io.fruits.core.SettingNames;
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
  static final String USAGE = "usage: fruits serve --run RUN [--host 127.0.0.1] "
      + "[--port 8080] [--tls-keystore FILE.p12] [--max-bytes N] [--max-pixels N] [--queue N] [--deadline-seconds N] "
      + "[--min-upload-rate BYTES_PER_S] [--threads N] [--views auto|N] [-D model.dir=DIR]";
  /** Where the keystore's password comes from: not the command line, which other users can read. */
  static final String TLS_PASSWORD_ENV = "FRUITS_TLS_PASSWORD";

  Path run;
  String host = "127.0.0.1";
  int port = 8080;
  Path keystore;
  /** {@code --max-bytes}, null when not given: the service and {@code predict} have different defaults. */
  Long maxBytes;
  long maxPixels = ImageDecoder.DEFAULT_MAX_PIXELS;
  int queue = ServiceLimits.DEFAULTS.queue();
  long deadlineSeconds = ServiceLimits.DEFAULTS.deadline().toSeconds();
  long minUploadRate = ServiceLimits.DEFAULTS.minUploadRate();
  int threads = ServiceLimits.DEFAULTS.threads();
  int views = FruitPredictor.DEFAULT_VIEWS;
  final Map<String, String> model = new TreeMap<>();
  final List<Path> images = new ArrayList<>();

  static final CommandLine.Spec SPEC = CommandLine.Spec.of("see fruits predict --help or fruits serve --help",
      List.of("--run", "--host", "--port", "--tls-keystore", "--max-bytes", "--max-pixels", "--queue", "--deadline-seconds",
          "--min-upload-rate", "--threads", "--views"), List.of(), true);

  boolean help;

  static ServeOptions parse(String[] args) {
    CommandLine c = CommandLine.parse(args, SPEC);
    ServeOptions o = new ServeOptions();
    o.help = c.help();
    if (o.help) {
      return o;
    }
    o.run = Paths.get(c.run());
    o.host = c.value("--host", o.host);
    o.port = (int) c.number("--port", o.port, 0, 65535);
    o.keystore = c.value("--tls-keystore") == null ? null : Paths.get(c.value("--tls-keystore"));
    o.maxBytes = c.value("--max-bytes") == null ? null : c.number("--max-bytes", 0, 1, Integer.MAX_VALUE);
    o.maxPixels = c.number("--max-pixels", o.maxPixels, 1, Long.MAX_VALUE);
    o.views = Views.option(c);
    o.queue = (int) c.number("--queue", o.queue, 0, 10_000);
    o.deadlineSeconds = c.number("--deadline-seconds", o.deadlineSeconds, 1, 3600);
    o.minUploadRate = c.number("--min-upload-rate", o.minUploadRate, 0, Long.MAX_VALUE);
    o.threads = (int) c.number("--threads", o.threads, 8, 10_000);
    o.model.putAll(modelKeys(c));
    c.operands().forEach(image -> o.images.add(Paths.get(image)));
    return o;
  }

  /** The {@code -D} options, which may only say where the run's model is on this machine ({@code model.*}). */
  static Map<String, String> modelKeys(CommandLine c) {
    SettingNames.check(c.defines().keySet(), "fruits run --help");
    Map<String, String> model = new TreeMap<>();
    c.defines().forEach((key, value) -> {
      if (!key.startsWith("model.")) {
        throw c.error("-D " + key + ": only model.* keys apply here");
      }
      model.put(key, value);
    });
    return model;
  }

  ServiceLimits limits() {
    long uploadBytes = maxBytes == null ? ServiceLimits.DEFAULTS.maxBytes() : maxBytes;
    return new ServiceLimits(uploadBytes, maxPixels, queue, Duration.ofSeconds(deadlineSeconds), minUploadRate, threads);
  }

  /** The keystore's password, or an error saying where to put it. */
  String tlsPassword() {
    String password = System.getenv(TLS_PASSWORD_ENV);
    if (password == null) {
      throw new IllegalArgumentException("--tls-keystore needs its password in the environment variable " + TLS_PASSWORD_ENV);
    }
    return password;
  }
}
