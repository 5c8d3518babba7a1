package io.fruits.features;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The same photo in the formats people upload: CMYK and YCCK JPEGs carrying a real CMYK ICC
 * profile (Ghostscript's, from Debian's libgs-common), WebP lossy, lossless, with alpha and
 * animated (written by libwebp's own cwebp and img2webp, Debian's webp), TIFF uncompressed and with
 * LZW in 8 and 16 bits and with JPEG strips, and an animated GIF. Independent writers, so that a reader is tested against files it did
 * not make.
 */
public final class FormatSamples {
  /** Ghostscript's default CMYK output profile (a SWOP-like press); 187 KB, so three APP2 segments. */
  public static final Path CMYK_PROFILE = Paths.get("/usr/share/color/icc/ghostscript/default_cmyk.icc");

  private FormatSamples() {}

  /** Skips the calling test, with what to install, when the independent writers are missing. */
  public static void requireTools() {
    Assumptions.assumeTrue(Files.isRegularFile(CMYK_PROFILE) && Files.isExecutable(Paths.get("/usr/bin/cwebp"))
        && Files.isExecutable(Paths.get("/usr/bin/img2webp")),
        "SKIPPED: needs Debian's webp and libgs-common (scripts/test installs them)");
  }

  /** Every sample of {@code photo} by file name; {@code tmp} is a scratch folder for the tools. */
  public static Map<String, byte[]> all(BufferedImage photo, Path tmp) throws IOException, InterruptedException {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("cmyk-icc.jpg", cmykJpeg(photo, false));
    m.put("ycck-icc.jpg", cmykJpeg(photo, true));
    m.put("lossy.webp", webp(photo, tmp, "-q", "90"));
    m.put("lossless.webp", webp(photo, tmp, "-lossless"));
    m.put("alpha.webp", webp(withTransparentBorder(photo), tmp, "-lossless", "-exact"));
    m.put("animated.webp", animatedWebp(photo, tmp));
    m.put("lzw.tif", tiff(photo, false, "LZW"));
    m.put("sixteen-bit-lzw.tif", tiff(photo, true, "LZW"));
    m.put("uncompressed.tif", tiff(photo, false, null));
    m.put("sixteen-bit-uncompressed.tif", tiff(photo, true, null));
    m.put("jpeg.tif", tiff(photo, false, "JPEG"));
    m.put("animated.gif", animatedGif(photo));
    return m;
  }

  /** An opaque RGB copy of {@code image}. */
  public static BufferedImage rgb(BufferedImage image) {
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    out.getGraphics().drawImage(image, 0, 0, null);
    return out;
  }

  /**
   * The photo converted to CMYK through the profile and written the way Photoshop does (Adobe APP14
   * marker, inverted samples; transform 2 for YCCK, whose colour transform is done here since the
   * JDK's writer stores the four channels as given), with the profile in ICC_PROFILE segments.
   */
  public static byte[] cmykJpeg(BufferedImage photo, boolean ycck) throws IOException {
    return cmykJpeg(photo, ycck, Files.readAllBytes(CMYK_PROFILE));
  }

  /** {@link #cmykJpeg(BufferedImage, boolean)} with another profile in its segments, or none ({@code icc} empty). */
  static byte[] cmykJpeg(BufferedImage photo, boolean ycck, byte[] icc) throws IOException {
    BufferedImage cmykImage = toCmyk(photo);
    WritableRaster cmyk = cmykImage.getRaster();
    int[] px = new int[4];
    for (int y = 0; y < cmyk.getHeight(); y++) {
      for (int x = 0; x < cmyk.getWidth(); x++) {
        cmyk.getPixel(x, y, px);
        if (ycck) {
          // Adobe YCCK: the C, M, Y inks as if they were R, G, B, in JFIF YCbCr; K inverted.
          double r = px[0];
          double g = px[1];
          double b = px[2];
          px[0] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
          px[1] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
          px[2] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
        } else {
          for (int c = 0; c < 3; c++) {
            px[c] = 255 - px[c];
          }
        }
        px[3] = 255 - px[3];
        cmyk.setPixel(x, y, px);
      }
    }
    ImageWriter writer = jdkWriter("jpeg"); // it writes rasters with their APP14 marker
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.95f);
    IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(cmykImage), param);
    IIOMetadataNode tree = (IIOMetadataNode) meta.getAsTree("javax_imageio_jpeg_image_1.0");
    IIOMetadataNode adobe = (IIOMetadataNode) tree.getElementsByTagName("app14Adobe").item(0);
    if (adobe == null) {
      adobe = new IIOMetadataNode("app14Adobe");
      ((IIOMetadataNode) tree.getElementsByTagName("markerSequence").item(0)).appendChild(adobe);
    }
    adobe.setAttribute("transform", ycck ? "2" : "0");
    meta.setFromTree("javax_imageio_jpeg_image_1.0", tree);
    byte[] jpeg = write(writer, new IIOImage(cmyk, null, meta), param);
    return icc.length == 0 ? jpeg : withIccProfile(jpeg, icc);
  }

  /** The photo in the CMYK of {@link #CMYK_PROFILE}, converted by Java's colour management. */
  static BufferedImage toCmyk(BufferedImage photo) throws IOException {
    ICC_Profile profile = ICC_Profile.getInstance(CMYK_PROFILE.toString());
    WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, photo.getWidth(), photo.getHeight(), 4, null);
    BufferedImage cmykImage = new BufferedImage(
        new ComponentColorModel(new ICC_ColorSpace(profile), false, false, java.awt.Transparency.OPAQUE, DataBuffer.TYPE_BYTE), cmyk, false, null);
    new ColorConvertOp(null).filter(rgb(photo), cmykImage); // from the photo's sRGB to the profile's CMYK
    return cmykImage;
  }

  /**
   * What the CMYK file should decode to: its CMYK samples (before JPEG) back to sRGB through the
   * profile. It differs from the photo where the press cannot print the photo's colours.
   */
  public static BufferedImage cmykAsPrinted(BufferedImage photo) throws IOException {
    BufferedImage back = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
    new ColorConvertOp(null).filter(toCmyk(photo), back);
    return back;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  /** Inserts {@code icc} after SOI as APP2 "ICC_PROFILE" segments of at most 65,519 profile bytes. */
  static byte[] withIccProfile(byte[] jpeg, byte[] icc) {
    int chunk = 65519;
    int count = (icc.length + chunk - 1) / chunk;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    for (int i = 0; i < count; i++) {
      int from = i * chunk;
      int len = Math.min(chunk, icc.length - from);
      int segment = 2 + 12 + 2 + len;
      out.write(0xFF);
      out.write(0xE2);
      out.write(segment >> 8);
      out.write(segment & 0xFF);
      out.writeBytes("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.write(i + 1);
      out.write(count);
      out.write(icc, from, len);
    }
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** The photo with a transparent border a tenth of its width, half-transparent inside it. */
  public static BufferedImage withTransparentBorder(BufferedImage photo) {
    BufferedImage out = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_ARGB);
    int border = Math.max(1, photo.getWidth() / 10);
    for (int y = 0; y < photo.getHeight(); y++) {
      for (int x = 0; x < photo.getWidth(); x++) {
        boolean edge = x < border || y < border || x >= photo.getWidth() - border || y >= photo.getHeight() - border;
        int alpha = edge ? 0 : (x < 2 * border ? 128 : 255);
        out.setRGB(x, y, alpha << 24 | (photo.getRGB(x, y) & 0xFFFFFF));
      }
    }
    return out;
  }

  static byte[] webp(BufferedImage image, Path tmp, String... options) throws IOException, InterruptedException {
    Path png = Files.createTempFile(tmp, "in", ".png");
    Path webp = Files.createTempFile(tmp, "out", ".webp");
    ImageIO.write(image, "png", png.toFile());
    String[] command = new String[options.length + 6];
    command[0] = "cwebp";
    command[1] = "-quiet";
    System.arraycopy(options, 0, command, 2, options.length);
    command[options.length + 2] = png.toString();
    command[options.length + 3] = "-o";
    command[options.length + 4] = webp.toString();
    command[options.length + 5] = "-mt";
    exec(command);
    return Files.readAllBytes(webp);
  }

  /** Two lossless frames: the photo, then the photo upside down. */
  static byte[] animatedWebp(BufferedImage photo, Path tmp) throws IOException, InterruptedException {
    Path first = Files.createTempFile(tmp, "frame1", ".png");
    Path second = Files.createTempFile(tmp, "frame2", ".png");
    Path webp = Files.createTempFile(tmp, "animated", ".webp");
    ImageIO.write(rgb(photo), "png", first.toFile());
    ImageIO.write(upsideDown(photo), "png", second.toFile());
    exec("img2webp", "-loop", "0", "-lossless", "-d", "200", first.toString(), second.toString(), "-o", webp.toString());
    return Files.readAllBytes(webp);
  }

  /**
   * The JDK's TIFF writer with {@code compression} (null: none, the writer's default; its strips
   * are about 8 KB, so the last one of a 100-row photo is shorter than the others); in 16 bits each
   * sample is v * 257, so it maps back exactly.
   */
  static byte[] tiff(BufferedImage photo, boolean sixteenBits, String compression) throws IOException {
    BufferedImage image = rgb(photo);
    if (sixteenBits) {
      ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
          java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
      WritableRaster r = cm.createCompatibleWritableRaster(photo.getWidth(), photo.getHeight());
      for (int y = 0; y < r.getHeight(); y++) {
        for (int x = 0; x < r.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          r.setPixel(x, y, new int[] {(rgb >> 16 & 0xFF) * 257, (rgb >> 8 & 0xFF) * 257, (rgb & 0xFF) * 257});
        }
      }
      image = new BufferedImage(cm, r, false, null);
    }
    ImageWriter writer = jdkWriter("tiff");
    ImageWriteParam param = writer.getDefaultWriteParam();
    if (compression != null) {
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType(compression);
    }
    return write(writer, new IIOImage(image, null, null), param);
  }

  /** One image through {@code writer}, which is disposed of. */
  private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, image, param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Two frames written by the JDK's GIF writer: the photo, then the photo upside down. */
  static byte[] animatedGif(BufferedImage photo) throws IOException {
    ImageWriter writer = jdkWriter("gif");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      writer.writeToSequence(new IIOImage(rgb(photo), null, null), null);
      writer.writeToSequence(new IIOImage(upsideDown(photo), null, null), null);
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** The JDK's own writer, not a plug-in's: the files must not come from the readers under test. */
  private static ImageWriter jdkWriter(String format) {
    for (var it = ImageIO.getImageWritersByFormatName(format); it.hasNext(); ) {
      ImageWriter w = it.next();
      if (w.getClass().getName().startsWith("com.sun.")) {
        return w;
      }
    }
    throw new IllegalStateException("the JDK has no " + format + " writer");
  }

  static BufferedImage upsideDown(BufferedImage photo) {
    BufferedImage out = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < photo.getHeight(); y++) {
      for (int x = 0; x < photo.getWidth(); x++) {
        out.setRGB(x, photo.getHeight() - 1 - y, photo.getRGB(x, y));
      }
    }
    return out;
  }

  private static void exec(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}
