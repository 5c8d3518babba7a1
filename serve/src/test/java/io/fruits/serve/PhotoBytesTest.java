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
  void aFileOfGigabytesIsNotReadWhole() throws Exception {
    // 4 GiB, sparse: read whole, it would fill any heap the test has.
    Path video = tmp.resolve("video.jpg");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(video.toFile(), "rw")) {
      f.setLength(4L << 30);
    }
    RejectedImageException e = assertThrows(RejectedImageException.class, () -> PhotoBytes.read(video, 1 << 20));
    assertEquals(RejectReason.TOO_LARGE, e.reason());
  }

  /** A FIFO's open waits for a writer: the command hung on one. A device is no photo either. */
  @Test
  void aFifoOrADeviceIsUnreadableWithoutBeingOpened() throws Exception {
    Path fifo = tmp.resolve("fifo.jpg");
    org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    for (Path special : new Path[] {fifo, Path.of("/dev/zero")}) {
      RejectedImageException e = assertThrows(RejectedImageException.class, () -> PhotoBytes.read(special, 1 << 20));
      assertEquals(RejectReason.UNREADABLE, e.reason(), special.toString());
      assertEquals("not a regular file (a device, a FIFO or a socket); give a photo file", e.getMessage());
    }
  }

  @Test
  void aMissingFileIsTheCallersToReport() {
    assertThrows(NoSuchFileException.class, () -> PhotoBytes.read(tmp.resolve("gone.jpg"), 5));
  }
}
