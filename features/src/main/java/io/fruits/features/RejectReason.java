package io.fruits.features;

/**
 * Why an input file gave no vector. Each reason is a Hadoop counter and a word in the rejects
 * file, so a user can count, list and fix what the pipeline did not process.
 */
public enum RejectReason {
  /** Zero bytes. */
  EMPTY,
  /** No image reader recognises the bytes (text, unknown format). */
  NOT_AN_IMAGE,
  /** A reader recognised the format but the data is damaged or truncated. */
  CORRUPT,
  /** A valid file the decoder cannot turn into RGB (CMYK or YCCK JPEG, exotic colour models). */
  UNSUPPORTED,
  /**
   * The header declares more pixels than {@code image.max.pixels} allows, even read at half size, or
   * its JPEG data (a JPEG's, a TIFF's JPEG strips') more scans than its size allows (each scan is a
   * pass over the pixels), or a TIFF's JPEG strip a larger frame than a JPEG may have; rejected
   * before decoding.
   */
  TOO_LARGE,
  /**
   * Listed, but gone or forbidden when read (deleted during the run, no read permission); the next
   * run or {@code --update} reads it again.
   */
  UNREADABLE;

  /** The form used in the rejects file and in counter names. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
