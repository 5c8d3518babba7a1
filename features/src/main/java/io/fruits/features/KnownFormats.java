package io.fruits.features;

import java.nio.charset.StandardCharsets;

/**
 * Recognises, by their magic numbers, image formats for which no reader is on the class path, so
 * that a phone's HEIC or AVIF photo is rejected as "unsupported" with its format named, not as
 * "not an image". (No maintained pure-JVM reader of HEIC or AVIF exists: see the README.) The same
 * for the other formats a camera, an editor or a scanner writes: JPEG XL, JPEG 2000, Photoshop's
 * PSD and the Netpbm formats (PPM, PGM, PBM, PAM).
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
    if (length >= 2 && (b[0] & 0xff) == 0xFF && b[1] == 0x0A || length >= 12 && box(b, "JXL ")) {
      return "JPEG XL";
    }
    if (length >= 4 && (b[0] & 0xff) == 0xFF && b[1] == 0x4F && (b[2] & 0xff) == 0xFF && b[3] == 0x51 || length >= 12 && box(b, "jP  ")) {
      return "JPEG 2000";
    }
    if (length >= 4 && ascii(b, 0, "8BPS")) {
      return "PSD";
    }
    if (length >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '7' && Character.isWhitespace(b[2])) {
      return "Netpbm";
    }
    return null;
  }

  /** The 12-byte signature box that opens a JPEG 2000 or JPEG XL container: size 12, the type, CR LF 0x87 LF. */
  private static boolean box(byte[] b, String type) {
    return b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 12 && ascii(b, 4, type)
        && b[8] == 0x0D && b[9] == 0x0A && (b[10] & 0xff) == 0x87 && b[11] == 0x0A;
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
