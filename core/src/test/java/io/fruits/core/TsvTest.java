package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests as a spreadsheet saves them: a byte order mark, CR LF line ends, columns in any order. */
class TsvTest {
  @TempDir Path tmp;

  @Test
  void aByteOrderMarkAndCrLfAreRead() throws Exception {
    Path file = tmp.resolve("MANIFEST.tsv");
    Files.write(file, ("\uFEFFfamily\tfile\tnote\r\nApple\tApple/a.jpg\tx\r\n\r\nPear\tPear/b.jpg\t\r\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(Map.of("file", "Apple/a.jpg", "family", "Apple"), Map.of("file", "Pear/b.jpg", "family", "Pear")),
        Tsv.read(file, "give a manifest", "file", "family"));
  }

  @Test
  void aMissingColumnIsNamed() throws Exception {
    Path file = Files.writeString(tmp.resolve("classes.tsv"), "file\tfamilly\nApple/a.jpg\tApple\n");
    assertEquals(file + " has no column named family (its first line names the columns, separated by tabs: file, family and any others);"
        + " give a manifest", assertThrows(IllegalArgumentException.class, () -> Tsv.read(file, "give a manifest", "file", "family")).getMessage());
  }
}
