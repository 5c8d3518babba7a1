package io.fruits.features;

import java.util.HashMap;
import java.util.Map;

/**
 * What a TIFF of JPEG-compressed strips or tiles costs to decode, in passes over its pixels: each
 * piece is a JPEG stream that the JDK's reader decodes once per scan ({@link JpegScans}), so a
 * TIFF can carry the same scan storm as a JPEG (an 800x800 TIFF of one strip of 2,647 scans took
 * 8.9 s here), and a piece's frame may declare far more pixels than the TIFF ({@link Cost}). JPEG
 * (compression 7) and old-style JPEG (6) are counted; other compressions count one pass. Only the
 * first image's directory is read, of a classic TIFF or a BigTIFF (which TwelveMonkeys' reader
 * reads too).
 */
final class TiffJpegPieces {
  private static final int JPEG = 7;
  /**
   * Old-style JPEG (TIFF 6.0): TwelveMonkeys decodes the stream its JPEGInterchangeFormat tag
   * points at, when there is one, else its strips.
   */
  private static final int OLD_JPEG = 6;
  private static final int INTERCHANGE_FORMAT = 513;
  private static final int INTERCHANGE_FORMAT_LENGTH = 514;

  private TiffJpegPieces() {}

  /**
   * What decoding costs: {@code passes}, the sum over pieces of their pixels times their scans
   * over the image's pixels, rounded up, a piece's pixels being the larger of what the TIFF's
   * header and the piece's own JPEG frame declare (libjpeg decodes the frame, whatever the TIFF
   * says); and {@code largestFrame}, the most pixels a piece's frame declares, which a progressive
   * piece holds in native memory whole (6 bytes a pixel): a 64x64 TIFF of one 24000x24000 strip
   * took 3.3 GB, and was then decoded "fine".
   */
  record Cost(int passes, long largestFrame) {
    static final Cost ONE_PASS = new Cost(1, 0);
  }

  /**
   * The cost of the image in {@code b}; one pass for anything but a JPEG-compressed TIFF. Pieces
   * may share their bytes (every strip pointing at one stream): each is counted, each stream walked
   * once; a file whose pieces overlap so that walking them would read more than four times its
   * bytes counts as {@link Integer#MAX_VALUE} passes.
   */
  static Cost cost(byte[] b, int length) {
    Directory ifd = Directory.read(b, length);
    long compression = ifd == null ? 1 : ifd.value(259, 1);
    if (compression != JPEG && compression != OLD_JPEG) {
      return Cost.ONE_PASS;
    }
    long width = ifd.value(256, 0);
    long height = ifd.value(257, 0);
    if (compression == OLD_JPEG && ifd.count(INTERCHANGE_FORMAT) > 0 && width > 0 && height > 0) {
      long from = ifd.value(INTERCHANGE_FORMAT, length);
      long to = Math.min(length, from + ifd.value(INTERCHANGE_FORMAT_LENGTH, length));
      JpegScans.Cost stream = from < to ? JpegScans.read(b, (int) from, (int) to) : JpegScans.Cost.NOT_JPEG;
      return new Cost(passes(work(stream, width * height), width * height), stream.framePixels());
    }
    boolean tiled = ifd.has(324);
    long rowsPerStrip = Math.max(1, Math.min(height, ifd.value(278, height)));
    long tilePixels = ifd.value(322, 0) * ifd.value(323, 0); // a tile's padding is decoded too
    int offsetsTag = tiled ? 324 : 273;
    int countsTag = tiled ? 325 : 279;
    int pieces = ifd.count(offsetsTag);
    int sizes = ifd.count(countsTag);
    if (width < 1 || height < 1 || tiled && tilePixels < 1 || pieces < 1) {
      return Cost.ONE_PASS; // the reader rejects such a header
    }
    Map<Long, JpegScans.Cost> streams = new HashMap<>();
    long walked = 0;
    double scanPixels = 0;
    long largestFrame = 0;
    for (int i = 0; i < pieces; i++) {
      long from = ifd.element(offsetsTag, i);
      long to = i < sizes ? Math.min(length, from + ifd.element(countsTag, i)) : length; // a reader may infer a missing size
      JpegScans.Cost stream = streams.get(from);
      if (stream == null) {
        walked += Math.max(0, to - from);
        if (walked > 4L * length) {
          return new Cost(Integer.MAX_VALUE, largestFrame);
        }
        stream = from < to ? JpegScans.read(b, (int) from, (int) to) : JpegScans.Cost.NOT_JPEG;
        streams.put(from, stream);
        largestFrame = Math.max(largestFrame, stream.framePixels());
      }
      long piecePixels = tiled ? tilePixels : width * Math.max(1, Math.min(rowsPerStrip, height - i * rowsPerStrip));
      scanPixels += work(stream, piecePixels);
    }
    return new Cost(passes(scanPixels, width * height), largestFrame);
  }

  /** Pixels decoded for a piece: each scan passes over the larger of the piece and the stream's own frame. */
  private static double work(JpegScans.Cost stream, long piecePixels) {
    return (double) stream.scans() * Math.max(piecePixels, stream.framePixels());
  }

  private static int passes(double scanPixels, long imagePixels) {
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(scanPixels / imagePixels - 1e-9));
  }

  /** The tags of a TIFF's first image file directory, classic or BigTIFF: numbers and arrays of them. */
  private static final class Directory {
    /** Past any offset or count a byte array can hold: a value of more than 32 bits lies outside the file. */
    private static final long BEYOND = 1L << 40;

    private final byte[] b;
    private final int length;
    private final boolean little;
    /** BigTIFF (version 43): 8-byte counts and offsets, entries of 20 bytes; classic (42): 4 and 12. */
    private final boolean big;
    private final Map<Integer, Integer> entries = new HashMap<>();

    private Directory(byte[] b, int length, boolean little, boolean big) {
      this.b = b;
      this.length = length;
      this.little = little;
      this.big = big;
    }

    /** Null for bytes that are no TIFF or a directory out of the file. */
    static Directory read(byte[] b, int length) {
      if (length < 16 || !(b[0] == 'I' && b[1] == 'I' || b[0] == 'M' && b[1] == 'M')) {
        return null;
      }
      boolean little = b[0] == 'I';
      int version = u16(b, 2, little);
      if (version != 42 && !(version == 43 && u16(b, 4, little) == 8 && u16(b, 6, little) == 0)) {
        return null;
      }
      Directory d = new Directory(b, length, little, version == 43);
      long at = d.big ? d.u64(8) : d.u32(4);
      int countSize = d.big ? 8 : 2;
      int entrySize = d.big ? 20 : 12;
      if (at < 8 || at + countSize > length) {
        return null;
      }
      long n = d.big ? d.u64((int) at) : d.u16((int) at);
      for (long i = 0; i < n && at + countSize + entrySize * i + entrySize <= length; i++) {
        int entry = (int) (at + countSize + entrySize * i);
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
      return (int) Math.max(0, Math.min(declared(entry), (length - start(entry)) / size(entry)));
    }

    /** The tag's value at {@code index}, a SHORT, LONG or LONG8; call within {@link #count}. */
    long element(int tag, int index) {
      int entry = entries.get(tag);
      int size = size(entry);
      int at = (int) (start(entry) + (long) index * size);
      return size == 2 ? u16(at) : size == 4 ? u32(at) : u64(at);
    }

    private long declared(int entry) {
      return big ? u64(entry + 4) : u32(entry + 4);
    }

    /** Where the entry's values are: in the entry when they fit its four (BigTIFF: eight) bytes, else at its offset. */
    private long start(int entry) {
      int inline = big ? 8 : 4;
      int field = entry + (big ? 12 : 8);
      return declared(entry) * size(entry) <= inline ? field : big ? u64(field) : u32(field);
    }

    /** Bytes per value: 2 for SHORT, 4 for LONG, 8 for LONG8, 0 for the types no offset or size is written in. */
    private int size(int entry) {
      int type = u16(entry + 2);
      return type == 3 ? 2 : type == 4 ? 4 : type == 16 && big ? 8 : 0;
    }

    private int u16(int at) {
      return u16(b, at, little);
    }

    private static int u16(byte[] b, int at, boolean little) {
      int x = b[at] & 0xff;
      int y = b[at + 1] & 0xff;
      return little ? y << 8 | x : x << 8 | y;
    }

    private long u32(int at) {
      long x = u16(at);
      long y = u16(at + 2);
      return little ? y << 16 | x : x << 16 | y;
    }

    /** An 8-byte value, or {@link #BEYOND} when it needs more than 32 bits. */
    private long u64(int at) {
      long low = u32(little ? at : at + 4);
      long high = u32(little ? at + 4 : at);
      return high != 0 ? BEYOND : low;
    }
  }
}
