package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fruits.features.RejectReason;
import io.fruits.features.RejectedImageException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A photo file is read up to its limit and no further. */
class PhotoBytesTest {
  @TempDir Path tmp;

  @Test
  void aFileOfTheLimitIsReadWhole() throws Exception {
    byte[] bytes = {1, 2, 3, 4, 5};
    assertArrayEquals(bytes, PhotoBytes.read(Files.write(tmp.resolve("five.jpg"), bytes), 5));
  }

  @Test
  void aFileOneByteOverTheLimitIsTooLarge() throws Exception {
    Path six = Files.write(tmp.resolve("six.jpg"), new byte[6]);
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> PhotoBytes.read(six, 5));
    assertEquals(RejectReason.TOO_LARGE, e.reason());
    assertEquals("the file is larger than 5 bytes, the most one photo may hold (--max-bytes)", e.getMessage());
  }

  @Test
  void anEndlessFileIsNotReadWhole() throws Exception {
    // /dev/zero never ends: read whole, it fills any heap.
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a /dev/zero to read");
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> PhotoBytes.read(Path.of("/dev/zero"), 1 << 20));
    assertEquals(RejectReason.TOO_LARGE, e.reason());
  }

  @Test
  void aMissingFileIsTheCallersToReport() {
    assertThrows(NoSuchFileException.class, () -> PhotoBytes.read(tmp.resolve("gone.jpg"), 5));
  }
}
