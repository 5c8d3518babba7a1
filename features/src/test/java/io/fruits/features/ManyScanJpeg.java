package io.fruits.features;

import java.io.ByteArrayOutputStream;

/**
 * Writes a valid progressive JPEG of flat grey with as many scans as asked: a DC scan, then for each
 * of the three components and each of the first {@code bands} AC coefficients a first scan at
 * successive-approximation bit {@code bits - 1} and a refinement scan for each lower bit, 1 +
 * 3 x bands x bits scans in all (63 bands of 14 bits, 2,647 scans, is the most the standard allows).
 * Every coefficient is zero, so each scan is a few end-of-band runs: kilobytes for any size. No
 * encoder writes such a file; ImageIO's writes at most 10 scans, so the test writes the bytes.
 */
public final class ManyScanJpeg {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private int pending;
  private int pendingBits;

  private ManyScanJpeg() {}

  public static byte[] write(int side, int bands, int bits) {
    return new ManyScanJpeg().image(side, bands, bits);
  }

  public static int scans(int bands, int bits) {
    return 1 + 3 * bands * bits;
  }

  private byte[] image(int side, int bands, int bits) {
    marker(0xD8);
    segment(0xDB, 0); // quantisation table 0, all ones
    for (int i = 0; i < 64; i++) {
      out.write(1);
    }
    segment(0xC2, 8, side >> 8, side & 0xff, side >> 8, side & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0);
    // Huffman tables of one code each, "0": DC difference category 0, and AC EOB14 (a run of
    // 16,384 + 14 more bits of blocks with nothing left to code).
    segment(0xC4, 0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00);
    segment(0xC4, 0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xE0);
    long blocks = (long) ((side + 7) / 8) * ((side + 7) / 8);
    segment(0xDA, 3, 1, 0, 2, 0, 3, 0, 0, 0, 0);
    for (long b = 0; b < 3 * blocks; b++) {
      bits(0, 1);
    }
    flush();
    for (int component = 1; component <= 3; component++) {
      for (int k = 1; k <= bands; k++) {
        for (int bit = bits - 1; bit >= 0; bit--) {
          segment(0xDA, 1, component, 0, k, k, (bit == bits - 1 ? 0 : bit + 1) << 4 | bit);
          for (long left = blocks; left > 0; left -= 32767) {
            bits(0, 1);
            bits(32767 - 16384, 14);
          }
          flush();
        }
      }
    }
    marker(0xD9);
    return out.toByteArray();
  }

  private void marker(int code) {
    out.write(0xFF);
    out.write(code);
  }

  /** A marker and its segment: the two length bytes, then {@code body}. */
  private void segment(int code, int... body) {
    marker(code);
    int length = 2 + body.length + (code == 0xDB ? 64 : 0);
    out.write(length >> 8);
    out.write(length & 0xff);
    for (int b : body) {
      out.write(b);
    }
  }

  private void bits(int value, int count) {
    for (int i = count - 1; i >= 0; i--) {
      pending = pending << 1 | (value >> i & 1);
      if (++pendingBits == 8) {
        out.write(pending);
        if (pending == 0xFF) {
          out.write(0); // byte stuffing: 0xFF in entropy-coded data is followed by 0
        }
        pending = 0;
        pendingBits = 0;
      }
    }
  }

  /** Pads the last byte with ones, as a scan's data ends. */
  private void flush() {
    while (pendingBits != 0) {
      bits(1, 1);
    }
  }
}
