package io.fruits.features;

import java.io.File;
import java.lang.reflect.Field;

/**
 * ONNX Runtime's Java loader creates a {@code onnxruntime-java*} folder in the temp directory of
 * every JVM and extracts its native libraries there. It asks for the libraries and the folder to
 * be deleted at exit, but the folder's request runs first, while it still holds the libraries, so
 * an empty folder is left per task JVM, forever. Once the libraries are loaded this deletes them
 * (a loaded library stays mapped on Linux and macOS; on Windows the delete fails and nothing
 * changes) and the folder. The folder's path is only held in a private field, so it is read by
 * reflection; if a later ONNX Runtime renames the field, nothing happens.
 */
final class OnnxRuntimeTempDir {
  private OnnxRuntimeTempDir() {}

  /** Deletes ONNX Runtime's extraction folder and what it holds; returns true if it is gone. */
  static boolean remove() {
    try {
      Class<?> ort = Class.forName("ai.onnxruntime.OnnxRuntime");
      Field field = ort.getDeclaredField("tempDirectory");
      field.setAccessible(true);
      Object value = field.get(null);
      if (value == null) {
        return false;
      }
      File dir = ((java.nio.file.Path) value).toFile();
      File[] files = dir.listFiles();
      if (files != null) {
        for (File f : files) {
          f.delete();
        }
      }
      return dir.delete() || !dir.exists();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
