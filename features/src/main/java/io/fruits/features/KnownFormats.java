package io.fruits.features;

import java.nio.charset.StandardCharsets;

/**
 * Recognises, by their magic numbers, image formats for which no reader is on the class path, so
 * that a phone's HEIC or AVIF photo is rejected as "unsupported" with its format named, not as
 * "not an image". (No maintained pure-JVM reader of HEIC or AVIF exists: see the README.)
 */
final class KnownFormats {
  private KnownFormats() {}

  /** The format's name, or null when the bytes are no image format known here. */
  static String unreadable(byte[] b, int length) {
    if (length >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
      return "WebP";
    }
    if (length >= 12 && ascii(b, 4, "ftyp")) {
      String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
      if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
        return "HEIC";
      }
      if (brand.equals("avif") || brand.equals("avis")) {
        return "AVIF";
      }
    }
    return null;
  }

  private static boolean ascii(byte[] b, int at, String text) {
    for (int i = 0; i < text.length(); i++) {
      if (b[at + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
