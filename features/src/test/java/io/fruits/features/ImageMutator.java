package io.fruits.features;

import java.util.Arrays;
import java.util.Random;

/**
 * Damages real encoded images the ways files get damaged in the world, deterministically from a
 * seed so that a failure can be replayed: bit flips, truncation at a random offset, header fields
 * overwritten (small, huge, negative and random values where sizes and lengths live) and a chunk
 * of the file duplicated in place.
 */
public final class ImageMutator {
  public enum Kind {
    BIT_FLIPS, TRUNCATION, HEADER_OVERWRITE, CHUNK_DUPLICATION
  }

  private static final int[] HOSTILE_INTS = {0, 1, -1, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 30000};

  private final Random random;

  public ImageMutator(long seed) {
    this.random = new Random(seed);
  }

  /** One mutated copy of {@code original} of the given kind. */
  public byte[] mutate(byte[] original, Kind kind) {
    byte[] b = original.clone();
    switch (kind) {
      case BIT_FLIPS -> {
        for (int n = 1 + random.nextInt(16); n > 0; n--) {
          int at = random.nextInt(b.length);
          b[at] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
      }
      case TRUNCATION -> {
        // Often inside the header, where readers trust what they read most.
        int bound = random.nextBoolean() ? Math.min(b.length - 1, 64) : b.length - 1;
        return Arrays.copyOf(b, 1 + random.nextInt(bound));
      }
      case HEADER_OVERWRITE -> {
        // Half the time a field the format defines (sizes, depths, counts), else any early offset.
        int[] fields = headerFields(b);
        int at = fields.length > 0 && random.nextBoolean() ? fields[random.nextInt(fields.length)] : random.nextInt(Math.min(64, b.length - 4));
        int value = random.nextBoolean() ? HOSTILE_INTS[random.nextInt(HOSTILE_INTS.length)] : random.nextInt();
        int width = 1 + random.nextInt(4);
        boolean bigEndian = b[0] != 'B' && b[0] != 'G'; // BMP and GIF store little-endian
        for (int i = 0; i < width && at + i < b.length; i++) {
          b[at + i] = (byte) (value >>> (8 * (bigEndian ? width - 1 - i : i)));
        }
        return b;
      }
      case CHUNK_DUPLICATION -> {
        int from = random.nextInt(b.length);
        int len = 1 + random.nextInt(Math.min(512, b.length - from));
        int to = random.nextInt(b.length);
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, to);
        System.arraycopy(b, from, out, to, len);
        System.arraycopy(b, to, out, to + len, b.length - to);
        return out;
      }
      default -> throw new IllegalArgumentException(String.valueOf(kind));
    }
  }

  /** Offsets of header fields of the format in {@code b} (PNG, GIF, BMP, JPEG), none when unknown. */
  private static int[] headerFields(byte[] b) {
    if (b.length > 30 && b[0] == (byte) 0x89 && b[1] == 'P') {
      return new int[] {16, 20, 24, 25, 26, 28, 33}; // IHDR width, height, depth, colour type, compression, interlace; next length
    }
    if (b.length > 13 && b[0] == 'G' && b[1] == 'I') {
      return new int[] {6, 8, 10, 11, 13, 14, 18, 20}; // screen size, flags, first block, image size
    }
    if (b.length > 34 && b[0] == 'B' && b[1] == 'M') {
      return new int[] {2, 10, 14, 18, 22, 26, 28, 30, 34, 46}; // sizes, offset, header size, width, height, planes, bpp, ...
    }
    for (int i = 2; i + 9 < b.length && i < 2048; i++) {
      if (b[i] == (byte) 0xff && (b[i + 1] == (byte) 0xc0 || b[i + 1] == (byte) 0xc2)) {
        return new int[] {i + 2, i + 4, i + 5, i + 7, i + 9}; // SOF length, precision, height, width, components
      }
    }
    return new int[0];
  }
}
