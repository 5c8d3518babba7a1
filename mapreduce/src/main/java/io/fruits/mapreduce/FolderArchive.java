package io.fruits.mapreduce;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A folder as a zip file for the distributed cache, which ships folders only as archives and
 * unpacks them on each node. Entries are relative to the folder, in name order; the zip is a
 * temporary file removed when the driver exits.
 */
final class FolderArchive {
  private FolderArchive() {}

  static Path zip(Path folder) throws IOException {
    Path zip = Files.createTempFile("fruits-model-", ".zip");
    zip.toFile().deleteOnExit();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      for (Path f : files) {
        z.putNextEntry(new ZipEntry(folder.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, z);
        z.closeEntry();
      }
    }
    return zip;
  }
}
