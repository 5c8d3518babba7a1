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
    assertEquals(1, TiffJpegPieces.passes(jpegTiff, jpegTiff.length));
    byte[] lzw = FormatSamples.tiff(TestImages.gradient(100, 100), false, "LZW");
    assertEquals(1, TiffJpegPieces.passes(lzw, lzw.length));
    byte[] jpeg = TestImages.encode(TestImages.gradient(8, 8), "jpg");
    assertEquals(1, TiffJpegPieces.passes(jpeg, jpeg.length));
  }

  @Test
  void aStripOfAScanStormCountsItsScans() throws Exception {
    byte[] storm = ManyScanJpeg.write(800, 63, 14);
    byte[] tiff = tiff(800, 800, 1, storm);
    assertEquals(2647, TiffJpegPieces.passes(tiff, tiff.length));
    byte[] motorola = tiff(800, 800, 1, storm, ByteOrder.BIG_ENDIAN);
    assertEquals(2647, TiffJpegPieces.passes(motorola, motorola.length), "a big-endian TIFF");
    ImageDecoder decoder = new ImageDecoder();
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> decoder.decode(tiff, tiff.length));
    assertEquals(RejectReason.TOO_LARGE, e.reason(), e.getMessage());
  }

  @Test
  void stripsSharingOneStreamAreEachCounted() {
    byte[] storm = ManyScanJpeg.write(800, 63, 14); // each strip is decoded as this whole stream
    byte[] tiff = tiff(800, 800, 100, storm);
    assertEquals(2647, TiffJpegPieces.passes(tiff, tiff.length));
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
      assertTrue(TiffJpegPieces.passes(noisy, noisy.length) >= 1);
      assertTrue(TiffJpegPieces.passes(noisy, random.nextInt(noisy.length)) >= 1);
    }
  }

  private static byte[] tiff(int width, int height, int strips, byte[] stream) {
    return tiff(width, height, strips, stream, ByteOrder.LITTLE_ENDIAN);
  }

  /** A TIFF of {@code strips} JPEG-compressed strips (YCbCr) whose offsets all point at {@code stream}. */
  private static byte[] tiff(int width, int height, int strips, byte[] stream, ByteOrder order) {
    int entries = 10;
    int ifd = 8;
    int bits = ifd + 2 + entries * 12 + 4;
    int offsets = bits + 6;
    int sizes = offsets + 4 * strips;
    int data = sizes + 4 * strips;
    ByteBuffer b = ByteBuffer.allocate(data + stream.length).order(order);
    byte mark = (byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M');
    b.put(mark).put(mark).putShort((short) 42).putInt(ifd);
    b.putShort((short) entries);
    entry(b, 256, 4, 1, width);
    entry(b, 257, 4, 1, height);
    entry(b, 258, 3, 3, bits); // 8, 8, 8
    entry(b, 259, 3, 1, 7); // JPEG
    entry(b, 262, 3, 1, 6); // YCbCr
    entry(b, 273, 4, strips, strips == 1 ? data : offsets);
    entry(b, 277, 3, 1, 3);
    entry(b, 278, 4, 1, (height + strips - 1) / strips);
    entry(b, 279, 4, strips, strips == 1 ? stream.length : sizes);
    entry(b, 284, 3, 1, 1);
    b.putInt(0);
    b.putShort((short) 8).putShort((short) 8).putShort((short) 8);
    for (int i = 0; i < strips; i++) {
      b.putInt(offsets + 4 * i, data);
      b.putInt(sizes + 4 * i, stream.length);
    }
    b.position(data);
    b.put(stream);
    return b.array();
  }

  private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count);
    if (type == 3 && count == 1) {
      b.putShort((short) value).putShort((short) 0); // a SHORT sits in the first two bytes in either order
    } else {
      b.putInt(value);
    }
  }
}
