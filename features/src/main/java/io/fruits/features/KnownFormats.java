package io.fruits.features;

import java.nio.charset.StandardCharsets;

/**
 * Recognises, by their magic numbers, image formats for which no reader is on the class path, so
 * that a phone's HEIC or AVIF photo is rejected as "unsupported" with its format named, not as
 * "not an image". (No maintained pure-JVM reader of HEIC or AVIF exists: see the README.) The same
 * for the other formats a camera, an editor or a scanner writes: JPEG XL, JPEG 2000, Photoshop's
 * PSD, GIMP's XCF, the Netpbm formats (PPM, PGM, PBM, PAM), Targa, Windows icons, and drawings
 * and documents that hold pictures (SVG, PDF, PostScript). TwelveMonkeys has readers of some of
 * them, but not among the artifacts Maven Central served here (imageio-pnm 3.14.0 was refused), and
 * none is a format phones or shops write photos in.
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
    if (length >= 9 && ascii(b, 0, "gimp xcf ")) {
      return "XCF";
    }
    if (length >= 5 && ascii(b, 0, "%PDF-")) {
      return "PDF";
    }
    if (length >= 4 && ascii(b, 0, "%!PS")) {
      return "PostScript";
    }
    if (icon(b, length)) {
      return "ICO";
    }
    if (length >= 44 && ascii(b, length - 18, "TRUEVISION-XFILE.") && b[length - 1] == 0) { // Targa 2.0's footer
      return "Targa";
    }
    if (svg(b, length)) {
      return "SVG";
    }
    if (length >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '7' && Character.isWhitespace(b[2])) {
      return "Netpbm";
    }
    return null;
  }

  /**
   * A Windows icon or cursor: reserved 0, type 1 or 2, at least one image, and its first entry's
   * reserved byte 0 (the format has no magic number; these keep text and other binaries out).
   */
  private static boolean icon(byte[] b, int length) {
    return length >= 22 && b[0] == 0 && b[1] == 0 && (b[2] == 1 || b[2] == 2) && b[3] == 0
        && (b[4] != 0 || b[5] != 0) && b[9] == 0;
  }

  /** An XML or bare document whose first kilobyte opens an {@code <svg} element. */
  private static boolean svg(byte[] b, int length) {
    String head = new String(b, 0, Math.min(length, 1024), StandardCharsets.ISO_8859_1).stripLeading();
    if (head.startsWith("\u00EF\u00BB\u00BF")) { // UTF-8's byte order mark, read as Latin-1
      head = head.substring(3).stripLeading();
    }
    return head.startsWith("<") && head.contains("<svg");
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
