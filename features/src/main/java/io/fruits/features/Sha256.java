package io.fruits.features;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 digests as lowercase hex, the form of {@code sha256sum} and of model checksums. */
public final class Sha256 {
  private Sha256() {}

  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public static String of(byte[] bytes, int length) {
    MessageDigest d = newDigest();
    d.update(bytes, 0, length);
    return HexFormat.of().formatHex(d.digest());
  }

  /**
   * The digest of a file; of a folder (a SavedModel), the digest of every file's relative path and
   * bytes in path order, so that a run records which model it was made with either way.
   */
  public static String of(Path file) throws IOException {
    MessageDigest d = newDigest();
    if (Files.isDirectory(file)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(file)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        d.update((file.relativize(f).toString() + "\0").getBytes(StandardCharsets.UTF_8));
        update(d, f);
      }
    } else {
      update(d, file);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static void update(MessageDigest d, Path file) throws IOException {
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
    }
  }
}
