package io.fruits.spark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code fruits spark --input IN --output OUT --model PRESET|DESCRIPTOR [--master URL]
 * [--overwrite] [-D key=value ...]}: the MapReduce edition's command line, plus the Spark master
 * ({@code local[*]} by default; under spark-submit the master given there wins).
 */
final class SparkOptions {
  static final String USAGE =
      "usage: fruits spark --input IN --output OUT --model PRESET|DESCRIPTOR [--master local[*]] [--overwrite] [-D key=value ...]";

  final String input;
  final String output;
  final String model;
  final String master;
  final boolean overwrite;
  final Map<String, String> defines;

  private SparkOptions(Map<String, String> named, boolean overwrite, Map<String, String> defines) {
    this.input = require(named, "--input");
    this.output = require(named, "--output");
    this.model = require(named, "--model");
    this.master = named.get("--master");
    this.overwrite = overwrite;
    this.defines = defines;
  }

  static SparkOptions parse(String[] args) {
    Map<String, String> named = new LinkedHashMap<>();
    Map<String, String> defines = new LinkedHashMap<>();
    boolean overwrite = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--overwrite")) {
        overwrite = true;
      } else if (a.equals("-D") && i + 1 < args.length) {
        define(args[++i], defines);
      } else if (a.startsWith("-D") && a.length() > 2) {
        define(a.substring(2), defines);
      } else if ((a.equals("--input") || a.equals("--output") || a.equals("--model") || a.equals("--master"))
          && i + 1 < args.length) {
        named.put(a, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument '" + a + "'; " + USAGE);
      }
    }
    return new SparkOptions(named, overwrite, defines);
  }

  private static void define(String kv, Map<String, String> defines) {
    int eq = kv.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("-D " + kv + " is not key=value; " + USAGE);
    }
    defines.put(kv.substring(0, eq), kv.substring(eq + 1));
  }

  private static String require(Map<String, String> named, String name) {
    String v = named.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is missing; " + USAGE);
    }
    return v;
  }
}
