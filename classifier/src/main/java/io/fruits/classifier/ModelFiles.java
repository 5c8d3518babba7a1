package io.fruits.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** How the classifier's binary files are written and recognised: a name first, then the numbers. */
final class ModelFiles {
  /** What writes one file's content. */
  interface Content {
    void write(DataOutputStream out) throws IOException;
  }

  private ModelFiles() {}

  /**
   * Writes {@code magic} and {@code content} under a temporary name beside {@code file}, then moves
   * it into place in one step, so an interrupted save leaves the previous file whole and a service
   * never loads half of one.
   */
  static void save(Path file, String magic, Content content) throws IOException {
    Path tmp = file.resolveSibling("_" + file.getFileName() + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os))) {
      out.writeUTF(magic);
      content.write(out);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Whether {@code in} starts with {@code magic}: false for any other file, however short. */
  static boolean starts(DataInputStream in, String magic) {
    try {
      return magic.equals(in.readUTF());
    } catch (IOException e) {
      return false;
    }
  }
}
