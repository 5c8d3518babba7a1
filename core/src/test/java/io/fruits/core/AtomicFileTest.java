package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path tmp;
  private final Configuration conf = new Configuration();

  @Test
  void replacesTheFileAndLeavesNoTemporary() throws Exception {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(tmp.resolve("run.properties").toUri());
    AtomicFile.write(conf, file, "first\n");
    AtomicFile.write(conf, file, "second\n");
    assertEquals("second\n", Files.readString(tmp.resolve("run.properties")));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of("run.properties"), files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).toList());
    }
  }

  @Test
  void anInterruptedWriteLeavesTheOldFileWhole() throws Exception {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(tmp.resolve("model.txt").toUri());
    AtomicFile.write(conf, file, "the whole model\n");
    assertThrows(IOException.class, () -> AtomicFile.write(conf, file, out -> {
      out.write("half a mod".getBytes());
      throw new IOException("killed");
    }));
    assertEquals("the whole model\n", Files.readString(tmp.resolve("model.txt")));
  }
}
