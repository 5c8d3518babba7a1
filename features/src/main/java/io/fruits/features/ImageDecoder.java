package io.fruits.features;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Encoded bytes to opaque RGB pixels with ImageIO: the JDK's PNG, GIF and BMP readers and the
 * TwelveMonkeys plug-ins for JPEG (CMYK and YCCK converted through their ICC profiles, which the
 * JDK's reader ignores), WebP (lossy, lossless, alpha, animated) and TIFF. Of an animation, the
 * first frame. The size is read from the header first, so a bomb that declares huge dimensions is
 * rejected before any pixel memory is allocated; an image up to four times the limit is read at
 * half size, within it. A JPEG (or a TIFF of JPEG pieces) of too many scans for its size is
 * rejected from its markers before decoding ({@link #SCAN_PASSES}); a file cut short whose reader
 * would read on past its end is rejected ({@link BytesImageInput}). Transparent pixels are
 * composited onto white, the background of Fruits-360. Grey images are read from their samples,
 * not through Java2D's linear-grey colour space, which would brighten them. HEIC and AVIF are rejected with their format
 * named ({@link KnownFormats}). The EXIF orientation a phone writes for a portrait shot is applied
 * ({@link Orientation}): ImageIO leaves it to the caller, and a fruit on its side is a different
 * picture to the CNN.
 *
 * <p>Not thread-safe: it reuses one pixel buffer, so use one decoder per thread.
 */
public final class ImageDecoder {
  /** Default limit on the pixels decoded: 40 megapixels, about 160 MB of ARGB ints. */
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

  static {
    // ImageIO's registry looks for plug-ins once, on the class path it starts with. Spark executors
    // and RunJar load the application jar in a class loader of their own: look there too.
    ImageIO.scanForPlugins();
  }

  /**
   * The formats whose readers keep only the rows they are asked for when reading at half size
   * (measured on an 8000x6000 image: the JDK's JPEG, PNG, BMP and GIF readers, TwelveMonkeys' TIFF);
   * TwelveMonkeys' WebP reader decodes the whole image first, so a WebP image over the limit stays a
   * reject.
   */
  private static final Set<String> ROW_BY_ROW = Set.of("jpeg", "png", "bmp", "gif", "tif", "tiff");

  /**
   * The passes over its pixels a JPEG, or a TIFF of JPEG strips or tiles, may cost, in images at
   * the limit: the JDK's reader makes one per scan ({@link JpegScans}, {@link TiffJpegPieces}; a
   * 6320x6320 JPEG of 16 scans, 40 megapixels, took 3.6 s here). A JPEG of up to 16 scans
   * (libjpeg's progressive script has 10) passes at any size up to the limit, one of more scans
   * while it is small enough; a file of thousands of scans, a few kilobytes that would hold a core
   * for minutes, is rejected from its markers.
   */
  static final int SCAN_PASSES = 16;

  private final long maxPixels;
  private int[] buffer = new int[0];

  public ImageDecoder() {
    this(DEFAULT_MAX_PIXELS);
  }

  public ImageDecoder(long maxPixels) {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("image.max.pixels must be at least 1");
    }
    this.maxPixels = maxPixels;
  }

  /** Decodes {@code length} bytes; the result's buffer is valid until the next call. */
  public RgbImage decode(byte[] bytes, int length) throws RejectedImageException {
    return withReader(bytes, length, this::read);
  }

  /**
   * The pixels the image in {@code length} bytes declares, from its header alone, after the checks
   * {@link #decode} makes of it: what decoding it will take, known before any pixel memory is
   * spent (of a TIFF of JPEG strips, the largest strip's own frame when that is more).
   */
  public long pixels(byte[] bytes, int length) throws RejectedImageException {
    return withReader(bytes, length, this::checkedPixels);
  }

  /** What a reader of the image in {@code bytes} yields, given what its JPEG data costs to decode. */
  @FunctionalInterface
  private interface ReaderWork<T> {
    T apply(ImageReader reader, TiffJpegPieces.Cost cost) throws IOException, RejectedImageException;
  }

  private <T> T withReader(byte[] bytes, int length, ReaderWork<T> work) throws RejectedImageException {
    if (length == 0) {
      throw new RejectedImageException(RejectReason.EMPTY, "zero bytes");
    }
    // The bytes read in place: ImageIO.createImageInputStream would, by default, spool every image
    // through a temporary file on disk; and a reader that reads on past their end is stopped.
    try (ImageInputStream in = new BytesImageInput(bytes, length)) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        String format = KnownFormats.unreadable(bytes, length);
        if (format != null) {
          throw new RejectedImageException(RejectReason.UNSUPPORTED, format + " image, but no " + format + " reader is on the classpath");
        }
        throw new RejectedImageException(RejectReason.NOT_AN_IMAGE, "no image reader recognises the content");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        TiffJpegPieces.Cost tiff = TiffJpegPieces.cost(bytes, length);
        return work.apply(reader, new TiffJpegPieces.Cost(Math.max(JpegScans.count(bytes, length), tiff.passes()), tiff.largestFrame()));
      } catch (RuntimeException e) {
        // The JDK's readers signal some damaged headers with unchecked exceptions, outside read():
        // a GIF with no frame throws IndexOutOfBoundsException from getWidth(0).
        // The detail never names the exception: it may reach a web client.
        throw new RejectedImageException(RejectReason.CORRUPT, "damaged " + reader.getFormatName() + " data: " + oneLine(e));
      } catch (OutOfMemoryError e) {
        // A damaged header can make a reader ask for one huge table; that allocation failed and
        // nothing else holds the memory, so this image is rejected and the task goes on.
        throw new RejectedImageException(RejectReason.TOO_LARGE, "decoding this " + reader.getFormatName() + " needs more memory than the task has");
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new RejectedImageException(RejectReason.CORRUPT, oneLine(e));
    } catch (RuntimeException e) {
      // A plug-in probing the bytes for its format threw, or read on past their end: no reader takes them.
      throw new RejectedImageException(RejectReason.CORRUPT, "damaged image data: " + oneLine(e));
    }
  }

  private long checkedPixels(ImageReader reader, TiffJpegPieces.Cost cost) throws IOException, RejectedImageException {
    int step = step(reader, cost);
    return Math.max(ceilDiv(reader.getWidth(0), step) * ceilDiv(reader.getHeight(0), step), cost.largestFrame());
  }

  /**
   * Reads every pixel (1) or every second one of every second row (2), after checking the header:
   * an image over the limit is read at half size in each direction when that fits and its reader
   * decodes row by row, so that a 48- or 108-megapixel phone photo (a baseline JPEG, as cameras
   * write) is answered, not refused; a progressive JPEG is decoded whole whatever is asked, so it
   * must fit the limit itself. Only half: the decoder still walks every pixel, and a file four
   * times the limit already costs four times the CPU of one at the limit.
   */
  private int step(ImageReader reader, TiffJpegPieces.Cost cost) throws IOException, RejectedImageException {
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    int passes = cost.passes();
    if (width < 1 || height < 1) {
      throw new RejectedImageException(RejectReason.CORRUPT, "the header declares a " + width + "x" + height + " image");
    }
    if (cost.largestFrame() > 4 * maxPixels) {
      // No more than a JPEG of its own may declare: one read at half size.
      throw new RejectedImageException(RejectReason.TOO_LARGE, "a " + width + "x" + height + " TIFF whose JPEG strip or tile declares "
          + cost.largestFrame() + " pixels, more than 4 times image.max.pixels=" + maxPixels);
    }
    if (passes > 1 && (double) width * height * passes > (double) SCAN_PASSES * maxPixels) {
      throw new RejectedImageException(RejectReason.TOO_LARGE, "a " + width + "x" + height + " image whose JPEG data takes " + passes
          + " passes to decode (one a scan), more than " + SCAN_PASSES + " passes of image.max.pixels=" + maxPixels);
    }
    // JPEG data of more than one scan is decoded whole at any size asked for: libjpeg keeps every
    // coefficient of the frame (6 bytes a pixel, native memory: a 931 KB progressive JPEG of
    // 12600x12600 read at half size raised the JVM's peak from 86 MB to 1.3 GB).
    // A TIFF's pieces count by their own frames, a strip larger than its place included.
    boolean tiff = cost.largestFrame() > 0;
    long whole = passes > 1 ? (tiff ? cost.largestFrame() : (long) width * height) : 0;
    if (whole > maxPixels) {
      throw new RejectedImageException(RejectReason.TOO_LARGE, "a " + width + "x" + height + " image of "
          + (tiff ? "JPEG strips or tiles" : "progressive JPEG data") + ", decoded whole at any size read: " + whole
          + " pixels, more than image.max.pixels=" + maxPixels);
    }
    if ((long) width * height <= maxPixels) {
      return 1;
    }
    boolean halves = ROW_BY_ROW.contains(reader.getFormatName().toLowerCase(Locale.ROOT));
    if (halves && ceilDiv(width, 2) * ceilDiv(height, 2) <= maxPixels) {
      return 2;
    }
    throw new RejectedImageException(
        RejectReason.TOO_LARGE, width + "x" + height + " exceeds image.max.pixels=" + maxPixels + (halves ? " even read at half size" : ""));
  }

  private static long ceilDiv(int size, int step) {
    return ((long) size + step - 1) / step; // long: a header may declare a side of 2^31 - 1
  }

  private RgbImage read(ImageReader reader, TiffJpegPieces.Cost cost) throws IOException, RejectedImageException {
    int step = step(reader, cost);
    Orientation orientation = Orientation.of(reader);
    String[] warning = new String[1];
    if (fillsInDamage(reader)) {
      reader.addIIOReadWarningListener(warningCatcher(warning));
    }
    BufferedImage image;
    try {
      ImageReadParam param = reader.getDefaultReadParam();
      param.setSourceSubsampling(step, step, 0, 0);
      image = reader.read(0, param);
    } catch (IIOException e) {
      String msg = oneLine(e);
      boolean unsupported = msg.contains("Unsupported Image Type") || msg.contains("Unsupported color");
      throw new RejectedImageException(unsupported ? RejectReason.UNSUPPORTED : RejectReason.CORRUPT, msg);
    } catch (RuntimeException e) {
      // Some readers signal damaged data with unchecked exceptions (e.g. ArrayIndexOutOfBounds).
      throw new RejectedImageException(RejectReason.CORRUPT, "damaged " + reader.getFormatName() + " data: " + oneLine(e));
    }
    if (warning[0] != null) {
      throw new RejectedImageException(RejectReason.CORRUPT, warning[0]);
    }
    return toRgb(image, orientation);
  }

  /**
   * Whether the reader's warnings speak of damaged pixels. The JPEG reader's decoder (libjpeg, in
   * the JDK and under TwelveMonkeys' reader) fills in what a damaged or truncated file lacks and
   * only warns, so its warnings reject the file. The other readers throw on damaged data (measured:
   * PNG, GIF, BMP and TIFF cut short all throw), and their warnings are about the file's layout:
   * TwelveMonkeys' TIFF reader warns of every uncompressed TIFF whose last strip is shorter than
   * the others, and of JPEG-compressed strips that carry their own tables, as the JDK's writer
   * makes them; both are whole, valid images.
   */
  private static boolean fillsInDamage(ImageReader reader) throws IOException {
    return reader.getFormatName().equalsIgnoreCase("jpeg");
  }

  /**
   * Keeps the first warning about the data: a reader warns when it fills in what a damaged file
   * lacks (a truncated JPEG's last rows), and such a file is a reject. Warnings about the ICC
   * colour profile are not about the pixels (TwelveMonkeys says when it reinterprets an odd profile,
   * as phone and print files often carry, or converts a CMYK file that has none with a generic
   * one), so they do not reject a photo.
   */
  private static IIOReadWarningListener warningCatcher(String[] holder) {
    return (source, message) -> {
      if (holder[0] == null && !message.toLowerCase(java.util.Locale.ROOT).contains("icc")) {
        holder[0] = message;
      }
    };
  }

  /** The pixels as opaque RGB in upright order: each stored row is walked as {@code orientation} says. */
  private RgbImage toRgb(BufferedImage image, Orientation orientation) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (buffer.length < w * h) {
      buffer = new int[w * h];
    }
    int start = orientation.start(w, h);
    int stepX = orientation.stepX(w, h);
    int stepY = orientation.stepY(w, h);
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      for (int y = 0, j = 0; y < h; y++) {
        for (int x = 0, i = start + y * stepY; x < w; x++, i += stepX, j += 3) {
          buffer[i] = (bgr[j + 2] & 0xff) << 16 | (bgr[j + 1] & 0xff) << 8 | (bgr[j] & 0xff);
        }
      }
    } else if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
      copyGrey(image.getRaster(), image.getColorModel().hasAlpha(), w, h, start, stepX, stepY);
    } else {
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        image.getRGB(0, y, w, 1, row, 0, w);
        for (int x = 0, i = start + y * stepY; x < w; x++, i += stepX) {
          buffer[i] = overWhite(row[x] >>> 24, row[x]);
        }
      }
    }
    return orientation.swapsSides() ? new RgbImage(buffer, h, w) : new RgbImage(buffer, w, h);
  }

  private void copyGrey(Raster raster, boolean alpha, int w, int h, int start, int stepX, int stepY) {
    int max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
    for (int y = 0; y < h; y++) {
      for (int x = 0, i = start + y * stepY; x < w; x++, i += stepX) {
        int g = Math.round(raster.getSample(x, y, 0) * 255f / max);
        int a = alpha ? Math.round(raster.getSample(x, y, 1) * 255f / max) : 255;
        buffer[i] = overWhite(a, g << 16 | g << 8 | g);
      }
    }
  }

  /** Composites a pixel with straight alpha {@code a} onto white. */
  private static int overWhite(int a, int rgb) {
    if (a == 255) {
      return rgb & 0xffffff;
    }
    int white = 255 * (255 - a);
    int r = (((rgb >> 16) & 0xff) * a + white + 127) / 255;
    int g = (((rgb >> 8) & 0xff) * a + white + 127) / 255;
    int b = ((rgb & 0xff) * a + white + 127) / 255;
    return r << 16 | g << 8 | b;
  }

  /** The reader's words on one line; never the exception's name, since a reason may reach a web client. */
  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? "unreadable data" : e.getMessage();
    return m.replace('\n', ' ').replace('\r', ' ');
  }
}
