package io.fruits.features;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image's bytes in memory as ImageIO's input, which stops a reader that goes on reading past
 * their end. TwelveMonkeys' lossless WebP decoder takes the end of a truncated file for zero bits
 * (its bit reader catches each EOFException and reads on): a cut file then decoded as "fine" with
 * made-up pixels, at one exception per refill, seconds for a 348x464 photo cut at 5%, and more the
 * more pixels its header declares. A reader of a whole file meets the end a few times at most (a
 * bit reader fills eight bytes ahead), so after {@value #ENDS_ALLOWED} reads at the end the data is
 * taken to be cut short and the read fails, whatever the format.
 */
final class BytesImageInput extends ImageInputStreamImpl {
  /**
   * Reads at the end allowed before the data counts as truncated: a whole lossless WebP met it 31
   * times here (its bit reader refills on each read of its last eight bytes, so at most 64), every
   * other format sample at most once.
   */
  static final int ENDS_ALLOWED = 256;

  private final byte[] bytes;
  private final int length;
  private int ends;

  BytesImageInput(byte[] bytes, int length) {
    this.bytes = bytes;
    this.length = length;
  }

  /** Thrown, unchecked so that a reader's catch of EOFException does not swallow it, when a reader keeps reading past the end. */
  static final class TruncatedException extends RuntimeException {
    TruncatedException() {
      super("the file ends before its image data does (truncated)", null, false, false);
    }
  }

  @Override
  public int read() {
    bitOffset = 0;
    if (streamPos >= length) {
      return atEnd();
    }
    return bytes[(int) streamPos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (off < 0 || len < 0 || off + len > b.length || off + len < 0) {
      throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", array " + b.length);
    }
    bitOffset = 0;
    if (len == 0) {
      return 0;
    }
    if (streamPos >= length) {
      return atEnd();
    }
    int n = (int) Math.min(len, length - streamPos);
    System.arraycopy(bytes, (int) streamPos, b, off, n);
    streamPos += n;
    return n;
  }

  @Override
  public long length() {
    return length;
  }

  /** Reads at the end so far (for tests). */
  int ends() {
    return ends;
  }

  private int atEnd() {
    if (++ends > ENDS_ALLOWED) {
      throw new TruncatedException();
    }
    return -1;
  }
}
