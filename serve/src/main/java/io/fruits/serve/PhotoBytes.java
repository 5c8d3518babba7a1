package io.fruits.serve;

import io.fruits.core.ImageFiles;
import io.fruits.core.ImageTree;
import io.fruits.features.RejectReason;
import io.fruits.features.RejectedImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A photo file read for {@code predict} and {@code evaluate}, at most a limit of bytes. The file a
 * user names, or one in a folder to evaluate, may be anything (a video of gigabytes); read whole,
 * it would end the command in an {@link OutOfMemoryError} instead of one error for that file. The
 * read stops one byte past the limit, so the memory taken follows the bytes actually there, up to
 * the limit, whatever size the file system reported.
 */
final class PhotoBytes {
  /** The pipeline's own limit per file ({@code pack.max.file.bytes}): what a run packs, predict and evaluate answer. */
  static final long DEFAULT_MAX = ImageTree.DEFAULT_MAX_FILE_BYTES;

  private PhotoBytes() {}

  static byte[] read(Path file, long maxBytes) throws IOException, RejectedImageException {
    // Only a regular file is a photo: opening a FIFO waits for a writer that may never come (a
    // FIFO named on the command line, or in a folder to evaluate, hung the command), and a device
    // is no photo either. A folder is left to the open below, which its callers report.
    if (Files.readAttributes(file, BasicFileAttributes.class).isOther()) {
      throw new RejectedImageException(RejectReason.UNREADABLE, "not a regular file (a device, a FIFO or a socket); give a photo file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(maxBytes, ImageFiles.MAX_ARRAY));
      if (in.read() >= 0) {
        throw new RejectedImageException(RejectReason.TOO_LARGE, "the file is larger than " + maxBytes + " bytes, the most one photo may hold"
            + " (--max-bytes)");
      }
      return bytes;
    }
  }
}
