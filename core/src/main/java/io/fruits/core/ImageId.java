package io.fruits.core;

/**
 * An image's identity in a run: its path relative to the input folder, always with {@code /}
 * separators ({@code Training/Apple 6/r0_1_100.jpg}). The class label is the name of the folder
 * that holds it; an image directly in the input folder has the empty label.
 */
public final class ImageId {
  /** Ids compared as unsigned UTF-8 bytes, the sort order of Hadoop's {@code Text}. */
  public static final java.util.Comparator<String> BYTE_ORDER =
      (a, b) -> java.util.Arrays.compareUnsigned(
          a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private ImageId() {}

  public static String labelOf(String id) {
    int end = id.lastIndexOf('/');
    if (end < 0) {
      return "";
    }
    int start = id.lastIndexOf('/', end - 1);
    return id.substring(start + 1, end);
  }

  /** Hadoop's convention: names starting with '.' or '_' are hidden (checksums, markers, .DS_Store). */
  public static boolean isHidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }
}
