package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Formats with no reader here are rejected as unsupported with their name, recognised by the magic
 * numbers their specifications give; text and random bytes stay "not an image".
 */
class KnownFormatsTest {
  @Test
  void formatsWithNoReaderAreNamed() {
    assertNamed("HEIC", padded(bytes(0, 0, 0, 24), ascii("ftypheic")));
    assertNamed("AVIF", padded(bytes(0, 0, 0, 28), ascii("ftypavif")));
    assertNamed("JPEG XL", padded(bytes(0xFF, 0x0A, 0xFA, 0x7F))); // the bare codestream
    assertNamed("JPEG XL", padded(bytes(0, 0, 0, 12), ascii("JXL "), bytes(0x0D, 0x0A, 0x87, 0x0A)));
    assertNamed("JPEG 2000", padded(bytes(0xFF, 0x4F, 0xFF, 0x51)));
    assertNamed("JPEG 2000", padded(bytes(0, 0, 0, 12), ascii("jP  "), bytes(0x0D, 0x0A, 0x87, 0x0A)));
    assertNamed("PSD", padded(ascii("8BPS"), bytes(0, 1)));
    assertNamed("Netpbm", padded(ascii("P6\n2 1\n255\n"), bytes(255, 0, 0, 0, 255, 0)));
    assertNamed("WebP", padded(ascii("RIFF"), bytes(4, 0, 0, 0), ascii("WEBP")));
    assertNamed("XCF", padded(ascii("gimp xcf v011"), bytes(0)));
    assertNamed("PDF", padded(ascii("%PDF-1.7\n")));
    assertNamed("PostScript", padded(ascii("%!PS-Adobe-3.0 EPSF-3.0\n")));
    assertNamed("ICO", padded(bytes(0, 0, 1, 0, 1, 0, 32, 32, 0, 0, 1, 0, 32, 0)));
    assertNamed("Targa", padded(bytes(0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 24, 0, 0, 0, 255),
        bytes(0, 0, 0, 0, 0, 0, 0, 0), ascii("TRUEVISION-XFILE."), bytes(0)));
    assertNamed("SVG", padded(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\"/>")));
    assertNamed("SVG", padded(bytes(0xEF, 0xBB, 0xBF), ascii("\n<?xml version=\"1.0\"?>\n<!-- a pear -->\n<svg viewBox=\"0 0 9 9\"></svg>")));
  }

  private static void assertNamed(String format, byte[] file) {
    assertEquals(format, KnownFormats.unreadable(file, file.length));
  }

  @Test
  void theDecoderSaysUnsupportedAndNamesTheFormat() {
    byte[] ppm = padded(ascii("P6\n2 1\n255\n"), bytes(255, 0, 0, 0, 255, 0));
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> new ImageDecoder().decode(ppm, ppm.length));
    assertEquals(RejectReason.UNSUPPORTED, e.reason());
    assertTrue(e.getMessage().startsWith("Netpbm image"), e.getMessage());
  }

  @Test
  void textAndShortFilesAreNoKnownFormat() {
    for (String text : new String[] {"Pears and apples\n", "P9 is no Netpbm\n", "P", "8BP", "", "<html><body>pears</body></html>",
        "<?xml version=\"1.0\"?><fruit>svg</fruit>", "%PD", "a note on pears, plums and the TRUEVISION-XFILE.\n"}) {
      byte[] b = ascii(text);
      assertEquals(null, KnownFormats.unreadable(b, b.length), text);
    }
    byte[] psdCutShort = Arrays.copyOf(ascii("8BPS"), 3); // only the given length counts
    assertEquals(null, KnownFormats.unreadable(psdCutShort, 3));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /** The parts, then zeros up to 32 bytes: a header long enough for every check. */
  private static byte[] padded(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return Arrays.copyOf(out.toByteArray(), Math.max(32, out.size()));
  }
}
