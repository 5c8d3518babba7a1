package io.fruits.layout;

/**
 * An image's identity in a run: its path relative to the input folder, always with {@code /}
 * separators ({@code Training/Apple 6/r0_1_100.jpg}). The class label is the name of the folder
 * that holds it; an image directly in the input folder has the empty label.
 */
public final class ImageId {
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
