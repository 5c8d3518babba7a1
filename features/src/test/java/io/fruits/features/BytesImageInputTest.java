package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import org.junit.jupiter.api.Test;

class BytesImageInputTest {
  private final byte[] bytes = {1, 2, (byte) 0xff, 4, 5, 99, 99};

  @Test
  void readsTheGivenLengthLikeAnyImageInputStream() throws Exception {
    try (BytesImageInput in = new BytesImageInput(bytes, 5)) {
      assertEquals(5, in.length());
      assertEquals(1, in.read());
      byte[] b = new byte[8];
      assertEquals(4, in.read(b, 2, 6), "only up to the given length");
      assertArrayEquals(new byte[] {0, 0, 2, (byte) 0xff, 4, 5, 0, 0}, b);
      assertEquals(-1, in.read());
      assertEquals(-1, in.read(b, 0, 1));
      assertEquals(0, in.read(b, 0, 0), "nothing asked, nothing read, even at the end");
      in.seek(2);
      assertEquals(0xff04, in.readUnsignedShort());
      assertThrows(EOFException.class, in::readInt, "the usual end of data, within the allowance");
    }
  }

  @Test
  void aReaderThatKeepsReadingPastTheEndIsStopped() throws Exception {
    try (BytesImageInput in = new BytesImageInput(bytes, 2)) {
      in.seek(2);
      for (int i = 0; i < BytesImageInput.ENDS_ALLOWED; i++) {
        assertThrows(EOFException.class, in::readByte, "a bit reader's end: caught and read on");
      }
      assertEquals(BytesImageInput.ENDS_ALLOWED, in.ends());
      BytesImageInput.TruncatedException e = assertThrows(BytesImageInput.TruncatedException.class, in::readByte);
      assertEquals("the file ends before its image data does (truncated)", e.getMessage());
      assertThrows(BytesImageInput.TruncatedException.class, () -> in.read(new byte[4], 0, 4), "and stays stopped");
    }
  }
}
