package io.fruits.features;

/**
 * Counts the scans of a JPEG's first image from its markers, without decoding it. The JDK's JPEG
 * reader makes one pass over the whole image per scan of a progressive JPEG, so the scans multiply
 * what a file costs to decode: a 57 KB progressive JPEG of 1600x1600 with 2,647 scans (one per
 * coefficient, component and bit, as the standard allows) took 29 s here, against 0.5 s for 28
 * scans. libjpeg's progressive script has 10.
 */
final class JpegScans {
  private JpegScans() {}

  /**
   * The start-of-scan markers before the first end-of-image marker; 1 for bytes that are no JPEG.
   * Never throws: damaged data is the decoder's to reject, and the count stops where the bytes do.
   */
  static int count(byte[] b, int length) {
    return count(b, 0, length);
  }

  /** The same for the JPEG stream in {@code b[from..to)}, as a TIFF's strip or tile holds one. */
  static int count(byte[] b, int from, int to) {
    return read(b, from, to).scans();
  }

  /**
   * What the markers of the JPEG stream in {@code b[from..to)} say it costs: its scans (at least 1)
   * and the pixels its frame header declares (0 without one). A TIFF's JPEG strip declares its
   * own size, which the TIFF's header does not bound: libjpeg sizes its buffers by it.
   */
  record Cost(int scans, long framePixels) {
    static final Cost NOT_JPEG = new Cost(1, 0);
  }

  static Cost read(byte[] b, int from, int to) {
    if (to - from < 4 || (b[from] & 0xff) != 0xFF || (b[from + 1] & 0xff) != 0xD8) {
      return Cost.NOT_JPEG;
    }
    int scans = 0;
    long framePixels = 0;
    int i = from + 2;
    while (i + 1 < to) {
      int marker = b[i + 1] & 0xff;
      if ((b[i] & 0xff) != 0xFF || marker == 0xFF) {
        i++; // entropy-coded data, or fill bytes before a marker
      } else if (marker == 0x00 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
        i += 2; // a stuffed 0xFF in entropy-coded data, TEM or a restart marker: no length follows
      } else if (marker == 0xD9) {
        break; // end of the image; what follows (an MPO's second picture) is not decoded
      } else {
        if (marker == 0xDA) {
          scans++;
        } else if (isFrame(marker) && framePixels == 0 && i + 8 < to) {
          framePixels = (long) ((b[i + 5] & 0xff) << 8 | b[i + 6] & 0xff) * ((b[i + 7] & 0xff) << 8 | b[i + 8] & 0xff);
        }
        if (i + 3 >= to) {
          break;
        }
        i += 2 + ((b[i + 2] & 0xff) << 8 | b[i + 3] & 0xff); // the segment, length included
      }
    }
    return new Cost(Math.max(1, scans), framePixels);
  }

  /** A start-of-frame marker: SOF0 to SOF15 but DHT (C4), JPG (C8) and DAC (CC). */
  private static boolean isFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }
}
