package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A TIFF's JPEG strips carry their scans into the cost: the JDK's own JPEG-compressed TIFF is one
 * pass, a strip of 2,647 scans is 2,647, and strips that all point at one such stream are each
 * counted.
 */
class TiffJpegPiecesTest {
  @Test
  void anEncodersJpegTiffIsOnePassAndOtherTiffsAreNotWalked() throws Exception {
    byte[] jpegTiff = FormatSamples.tiff(TestImages.gradient(100, 100), false, "JPEG");
    assertEquals(1, TiffJpegPieces.cost(jpegTiff, jpegTiff.length).passes());
    byte[] lzw = FormatSamples.tiff(TestImages.gradient(100, 100), false, "LZW");
    assertEquals(1, TiffJpegPieces.cost(lzw, lzw.length).passes());
    byte[] jpeg = TestImages.encode(TestImages.gradient(8, 8), "jpg");
    assertEquals(1, TiffJpegPieces.cost(jpeg, jpeg.length).passes());
  }

  @Test
  void aStripOfAScanStormCountsItsScans() throws Exception {
    byte[] storm = ManyScanJpeg.write(800, 63, 14);
    byte[] tiff = tiff(800, 800, 1, storm);
    assertEquals(2647, TiffJpegPieces.cost(tiff, tiff.length).passes());
    byte[] motorola = tiff(800, 800, 1, storm, ByteOrder.BIG_ENDIAN);
    assertEquals(2647, TiffJpegPieces.cost(motorola, motorola.length).passes(), "a big-endian TIFF");
    ImageDecoder decoder = new ImageDecoder();
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> decoder.decode(tiff, tiff.length));
    assertEquals(RejectReason.TOO_LARGE, e.reason(), e.getMessage());
  }

  @Test
  void aBigTiffStripOfAScanStormCountsItsScans() throws Exception {
    // TwelveMonkeys reads BigTIFF too: before its directory was read here, this file took 13 s to decode.
    byte[] storm = ManyScanJpeg.write(800, 63, 14);
    byte[] big = bigTiff(800, 800, 1, storm);
    assertEquals(2647, TiffJpegPieces.cost(big, big.length).passes());
    byte[] strips = bigTiff(800, 800, 100, storm);
    assertEquals(100 * 2647, TiffJpegPieces.cost(strips, strips.length).passes(), "100 strips of it, each decoded whole");
    ImageDecoder decoder = new ImageDecoder();
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> decoder.decode(big, big.length));
    assertEquals(RejectReason.TOO_LARGE, e.reason(), e.getMessage());
    byte[] plain = bigTiff(64, 64, 1, TestImages.encode(TestImages.gradient(64, 64), "jpg"));
    assertEquals(1, TiffJpegPieces.cost(plain, plain.length).passes());
    assertEquals(64, decoder.decode(plain, plain.length).width(), "a BigTIFF of one baseline JPEG strip is an image");
  }

  @Test
  void anOldStyleJpegTiffCountsTheStreamItNames() throws Exception {
    // TwelveMonkeys decodes a TIFF 6.0 JPEG from its JPEGInterchangeFormat stream: before it was
    // counted here, this 800x800 file of 2,647 scans took 9.7 s to decode.
    byte[] storm = tiff(800, 800, 1, ManyScanJpeg.write(800, 63, 14), ByteOrder.LITTLE_ENDIAN, Layout.OLD_JPEG);
    assertEquals(new TiffJpegPieces.Cost(2647, 800 * 800), TiffJpegPieces.cost(storm, storm.length));
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> new ImageDecoder().decode(storm, storm.length));
    assertEquals(RejectReason.TOO_LARGE, e.reason(), e.getMessage());
    byte[] plain = tiff(64, 64, 1, TestImages.encode(TestImages.gradient(64, 64), "jpg"), ByteOrder.LITTLE_ENDIAN, Layout.OLD_JPEG);
    assertEquals(new TiffJpegPieces.Cost(1, 64 * 64), TiffJpegPieces.cost(plain, plain.length));
    assertEquals(64, new ImageDecoder().decode(plain, plain.length).width(), "an old-style JPEG TIFF of one baseline stream is an image");
  }

  @Test
  void stripsSharingOneStreamAreEachCounted() {
    byte[] storm = ManyScanJpeg.write(800, 63, 14); // each strip is decoded as this whole 800x800 stream, not as its 8 rows
    byte[] tiff = tiff(800, 800, 100, storm);
    assertEquals(100 * 2647, TiffJpegPieces.cost(tiff, tiff.length).passes());
  }

  @Test
  void aStripIsCountedAtTheSizeItsOwnFrameDeclares() throws Exception {
    // libjpeg sizes its buffers by the strip's frame, not by the TIFF: before, this 64x64 TIFF of
    // one 8000x8000 progressive strip of 4 scans was decoded "fine" with 370 MB more memory, and
    // one of 24000x24000 (3.4 MB) with 3.3 GB more. Now a strip may declare what a JPEG may.
    byte[] tiff = tiff(64, 64, 1, ManyScanJpeg.write(8000, 1, 1));
    TiffJpegPieces.Cost cost = TiffJpegPieces.cost(tiff, tiff.length);
    assertEquals(8000L * 8000, cost.largestFrame());
    assertEquals(4 * 8000 * 8000 / (64 * 64), cost.passes());
    assertEquals(8000L * 8000, new ImageDecoder(64_000_000).pixels(tiff, tiff.length), "what decoding it takes, for the service's budget");
    assertEquals(RejectReason.TOO_LARGE, assertThrows(RejectedImageException.class, () -> new ImageDecoder().pixels(tiff, tiff.length)).reason(),
        "progressive: decoded whole, so within image.max.pixels itself");
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> new ImageDecoder(4_000_000).decode(tiff, tiff.length));
    assertEquals(RejectReason.TOO_LARGE, e.reason(), e.getMessage());
    assertEquals("a 64x64 TIFF whose JPEG strip or tile declares 64000000 pixels, more than 4 times image.max.pixels=4000000",
        e.getMessage());
    byte[] fair = tiff(64, 64, 1, TestImages.encode(TestImages.gradient(64, 64), "jpg"));
    assertEquals(new TiffJpegPieces.Cost(1, 64 * 64), TiffJpegPieces.cost(fair, fair.length));
  }

  @Test
  void damagedDirectoriesNeverThrow() throws Exception {
    byte[] tiff = tiff(800, 800, 100, ManyScanJpeg.write(800, 1, 1));
    Random random = new Random(11);
    for (int i = 0; i < 2000; i++) {
      byte[] noisy = tiff.clone();
      for (int j = 0; j < 4; j++) {
        noisy[random.nextInt(200)] = (byte) random.nextInt(256);
      }
      assertTrue(TiffJpegPieces.cost(noisy, noisy.length).passes() >= 1);
      assertTrue(TiffJpegPieces.cost(noisy, random.nextInt(noisy.length)).passes() >= 1);
    }
  }

  private static byte[] tiff(int width, int height, int strips, byte[] stream) {
    return tiff(width, height, strips, stream, ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] tiff(int width, int height, int strips, byte[] stream, ByteOrder order) {
    return tiff(width, height, strips, stream, order, Layout.CLASSIC);
  }

  private static byte[] bigTiff(int width, int height, int strips, byte[] stream) {
    return tiff(width, height, strips, stream, ByteOrder.LITTLE_ENDIAN, Layout.BIG);
  }

  /**
   * A classic TIFF (version 42); one compressed the TIFF 6.0 way, its stream named by
   * JPEGInterchangeFormat; a BigTIFF (version 43: 8-byte counts and offsets, entries of 20 bytes,
   * strips as LONG8).
   */
  private enum Layout {
    CLASSIC, OLD_JPEG, BIG
  }

  /** A TIFF of {@code strips} JPEG-compressed strips (YCbCr) whose offsets all point at {@code stream}. */
  private static byte[] tiff(int width, int height, int strips, byte[] stream, ByteOrder order, Layout layout) {
    boolean big = layout == Layout.BIG;
    int word = big ? 8 : 4;
    int entries = layout == Layout.OLD_JPEG ? 12 : 10;
    int ifd = big ? 16 : 8;
    int bits = ifd + (big ? 8 : 2) + entries * (big ? 20 : 12) + word; // a classic entry cannot hold three SHORTs
    int offsets = bits + (big ? 0 : 6);
    int sizes = offsets + word * strips;
    int data = sizes + word * strips;
    ByteBuffer b = ByteBuffer.allocate(data + stream.length).order(order);
    byte mark = (byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M');
    b.put(mark).put(mark);
    if (big) {
      b.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifd).putLong(entries);
    } else {
      b.putShort((short) 42).putInt(ifd).putShort((short) entries);
    }
    int longs = big ? 16 : 4; // LONG8 or LONG
    entry(b, big, 256, 4, 1, width);
    entry(b, big, 257, 4, 1, height);
    entry(b, big, 258, 3, 3, big ? 8 | 8L << 16 | 8L << 32 : bits); // 8, 8, 8
    entry(b, big, 259, 3, 1, layout == Layout.OLD_JPEG ? 6 : 7); // JPEG
    entry(b, big, 262, 3, 1, 6); // YCbCr
    entry(b, big, 273, longs, strips, strips == 1 ? data : offsets);
    entry(b, big, 277, 3, 1, 3);
    entry(b, big, 278, 4, 1, (height + strips - 1) / strips);
    entry(b, big, 279, longs, strips, strips == 1 ? stream.length : sizes);
    entry(b, big, 284, 3, 1, 1);
    if (layout == Layout.OLD_JPEG) {
      entry(b, big, 513, 4, 1, data);
      entry(b, big, 514, 4, 1, stream.length);
    }
    if (big) {
      b.putLong(0);
    } else {
      b.putInt(0);
      b.putShort((short) 8).putShort((short) 8).putShort((short) 8);
    }
    for (int i = 0; i < strips; i++) {
      if (big) {
        b.putLong(offsets + 8 * i, data).putLong(sizes + 8 * i, stream.length);
      } else {
        b.putInt(offsets + 4 * i, data).putInt(sizes + 4 * i, stream.length);
      }
    }
    b.position(data);
    b.put(stream);
    return b.array();
  }

  /** An entry whose value sits in it (in a BigTIFF's eight bytes, little-endian) or is the offset of its values. */
  private static void entry(ByteBuffer b, boolean big, int tag, int type, int count, long value) {
    b.putShort((short) tag).putShort((short) type);
    if (big) {
      b.putLong(count).putLong(value);
    } else if (type == 3 && count == 1) {
      b.putInt(count).putShort((short) value).putShort((short) 0); // a SHORT sits in the first two bytes in either order
    } else {
      b.putInt(count).putInt((int) value);
    }
  }
}
