package io.fruits.features;

import java.util.HashMap;
import java.util.Map;

/**
 * What a TIFF of JPEG-compressed strips or tiles costs to decode, in passes over its pixels: each
 * piece is a JPEG stream that the JDK's reader decodes once per scan ({@link JpegScans}), so a
 * TIFF can carry the same scan storm as a JPEG (an 800x800 TIFF of one strip of 2,647 scans took
 * 8.9 s here). Only the first image's directory of a classic TIFF is read; other TIFFs and other
 * compressions count one pass.
 */
final class TiffJpegPieces {
  private static final int JPEG = 7;

  private TiffJpegPieces() {}

  /**
   * The sum over pieces of their pixels times their scans, over the image's pixels, rounded up.
   * Pieces may share their bytes (every strip pointing at one stream): each is counted, each
   * stream walked once; a file whose pieces overlap so that walking them would read more than
   * four times its bytes counts as {@link Integer#MAX_VALUE} passes.
   */
  static int passes(byte[] b, int length) {
    Directory ifd = Directory.read(b, length);
    if (ifd == null || ifd.value(259, 1) != JPEG) {
      return 1;
    }
    long width = ifd.value(256, 0);
    long height = ifd.value(257, 0);
    boolean tiled = ifd.has(324);
    long rowsPerStrip = Math.max(1, Math.min(height, ifd.value(278, height)));
    long tilePixels = ifd.value(322, 0) * ifd.value(323, 0); // a tile's padding is decoded too
    int offsetsTag = tiled ? 324 : 273;
    int countsTag = tiled ? 325 : 279;
    int pieces = ifd.count(offsetsTag);
    int sizes = ifd.count(countsTag);
    if (width < 1 || height < 1 || tiled && tilePixels < 1 || pieces < 1) {
      return 1; // the reader rejects such a header
    }
    Map<Long, Integer> scansAt = new HashMap<>();
    long walked = 0;
    double scanPixels = 0;
    for (int i = 0; i < pieces; i++) {
      long from = ifd.element(offsetsTag, i);
      long to = i < sizes ? Math.min(length, from + ifd.element(countsTag, i)) : length; // a reader may infer a missing size
      Integer scans = scansAt.get(from);
      if (scans == null) {
        walked += Math.max(0, to - from);
        if (walked > 4L * length) {
          return Integer.MAX_VALUE;
        }
        scans = from < to ? JpegScans.count(b, (int) from, (int) to) : 1;
        scansAt.put(from, scans);
      }
      long piecePixels = tiled ? tilePixels : width * Math.max(1, Math.min(rowsPerStrip, height - i * rowsPerStrip));
      scanPixels += (double) scans * piecePixels;
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(scanPixels / ((double) width * height) - 1e-9));
  }

  /** The tags of a classic TIFF's first image file directory: numbers and arrays of them. */
  private static final class Directory {
    private final byte[] b;
    private final int length;
    private final boolean little;
    private final Map<Integer, Integer> entries = new HashMap<>();

    private Directory(byte[] b, int length, boolean little) {
      this.b = b;
      this.length = length;
      this.little = little;
    }

    /** Null for bytes that are no classic TIFF (a BigTIFF, 43, included) or a directory out of the file. */
    static Directory read(byte[] b, int length) {
      if (length < 8 || !(b[0] == 'I' && b[1] == 'I' || b[0] == 'M' && b[1] == 'M')) {
        return null;
      }
      Directory d = new Directory(b, length, b[0] == 'I');
      long at = d.u32(4);
      if (d.u16(2) != 42 || at < 8 || at + 2 > length) {
        return null;
      }
      int n = d.u16((int) at);
      for (int i = 0; i < n && at + 2 + 12L * i + 12 <= length; i++) {
        int entry = (int) (at + 2 + 12L * i);
        d.entries.putIfAbsent(d.u16(entry), entry);
      }
      return d;
    }

    boolean has(int tag) {
      return entries.containsKey(tag);
    }

    /** The tag's first value, or {@code otherwise} when it is absent or unreadable. */
    long value(int tag, long otherwise) {
      return has(tag) && count(tag) > 0 ? element(tag, 0) : otherwise;
    }

    /** How many values the tag holds that lie within the file; 0 when it is absent. */
    int count(int tag) {
      Integer entry = entries.get(tag);
      if (entry == null || size(entry) == 0) {
        return 0;
      }
      long count = u32(entry + 4);
      return (int) Math.max(0, Math.min(count, (length - start(entry)) / size(entry)));
    }

    /** The tag's value at {@code index}, a SHORT or a LONG; call within {@link #count}. */
    long element(int tag, int index) {
      int entry = entries.get(tag);
      int size = size(entry);
      int at = (int) (start(entry) + (long) index * size);
      return size == 2 ? u16(at) : u32(at);
    }

    /** Where the entry's values are: in the entry when they fit its four bytes, else at its offset. */
    private long start(int entry) {
      return u32(entry + 4) * size(entry) <= 4 ? entry + 8 : u32(entry + 8);
    }

    /** Bytes per value: 2 for SHORT, 4 for LONG, 0 for the types no offset or size is written in. */
    private int size(int entry) {
      int type = u16(entry + 2);
      return type == 3 ? 2 : type == 4 ? 4 : 0;
    }

    private int u16(int at) {
      int x = b[at] & 0xff;
      int y = b[at + 1] & 0xff;
      return little ? y << 8 | x : x << 8 | y;
    }

    private long u32(int at) {
      long x = u16(at);
      long y = u16(at + 2);
      return little ? y << 16 | x : x << 16 | y;
    }
  }
}
