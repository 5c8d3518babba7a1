package io.fruits.features;

import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * How a stored image is turned to be seen upright: the EXIF orientation a phone writes instead of
 * turning the pixels of a portrait shot. ImageIO never applies it; the TwelveMonkeys JPEG reader
 * reports it in the standard metadata ({@code Dimension/ImageOrientation}, followed for any reader
 * that fills it in), under names that stand one for one for EXIF's eight values, and the decoder
 * writes the pixels in upright order.
 *
 * <p>Each value maps a stored pixel (x, y) to an index in the upright image's row-major buffer,
 * {@code start + x * stepX + y * stepY}: a turn or a mirror is only a different walk through the
 * same buffer, so applying it costs no second copy of a 40-megapixel image.
 */
enum Orientation {
  /** EXIF 1: row 0 is the top, column 0 the left. */
  NORMAL("Normal"),
  /** EXIF 2: mirrored left to right. */
  MIRRORED("FlipH"),
  /** EXIF 3: upside down. */
  UPSIDE_DOWN("Rotate180"),
  /** EXIF 4: mirrored top to bottom. */
  FLIPPED("FlipV"),
  /** EXIF 5: row 0 is the left side, column 0 the top (transposed). */
  TRANSPOSED("FlipVRotate90"),
  /** EXIF 6: row 0 is the right side, column 0 the top: turn clockwise (most portrait shots). */
  TURN_CLOCKWISE("Rotate270"),
  /** EXIF 7: row 0 is the right side, column 0 the bottom. */
  TRANSVERSE("FlipHRotate90"),
  /** EXIF 8: row 0 is the left side, column 0 the bottom: turn counter-clockwise. */
  TURN_COUNTER_CLOCKWISE("Rotate90");

  private final String metadataName;

  Orientation(String metadataName) {
    this.metadataName = metadataName;
  }

  /**
   * The orientation the reader's metadata states for image 0, {@link #NORMAL} when it states none
   * or its metadata cannot be read: a damaged EXIF block costs the turn, never the photo.
   */
  static Orientation of(ImageReader reader) {
    try {
      IIOMetadata metadata = reader.getImageMetadata(0);
      if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
        return NORMAL;
      }
      Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
      for (Node group = root.getFirstChild(); group != null; group = group.getNextSibling()) {
        if (group.getNodeName().equals("Dimension")) {
          for (Node item = group.getFirstChild(); item != null; item = item.getNextSibling()) {
            if (item.getNodeName().equals("ImageOrientation")) {
              return named(((Element) item).getAttribute("value"));
            }
          }
        }
      }
      return NORMAL;
    } catch (IOException | RuntimeException e) {
      return NORMAL;
    }
  }

  static Orientation named(String metadataName) {
    for (Orientation o : values()) {
      if (o.metadataName.equalsIgnoreCase(metadataName)) {
        return o;
      }
    }
    return NORMAL;
  }

  /** True when the upright image is the stored one on its side: width and height swap. */
  boolean swapsSides() {
    return ordinal() >= TRANSPOSED.ordinal();
  }

  /** Where stored pixel (0, 0) lands in the upright buffer of a stored {@code w} x {@code h} image. */
  int start(int w, int h) {
    return switch (this) {
      case NORMAL, TRANSPOSED -> 0;
      case MIRRORED -> w - 1;
      case UPSIDE_DOWN, TRANSVERSE -> w * h - 1;
      case FLIPPED -> (h - 1) * w;
      case TURN_CLOCKWISE -> h - 1;
      case TURN_COUNTER_CLOCKWISE -> (w - 1) * h;
    };
  }

  /** How far one step right in the stored image moves in the upright buffer. */
  int stepX(int w, int h) {
    return switch (this) {
      case NORMAL, FLIPPED -> 1;
      case MIRRORED, UPSIDE_DOWN -> -1;
      case TRANSPOSED, TURN_CLOCKWISE -> h;
      case TRANSVERSE, TURN_COUNTER_CLOCKWISE -> -h;
    };
  }

  /** How far one step down in the stored image moves in the upright buffer. */
  int stepY(int w, int h) {
    return switch (this) {
      case NORMAL, MIRRORED -> w;
      case UPSIDE_DOWN, FLIPPED -> -w;
      case TRANSPOSED, TURN_COUNTER_CLOCKWISE -> 1;
      case TURN_CLOCKWISE, TRANSVERSE -> -1;
    };
  }
}
