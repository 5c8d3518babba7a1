package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.ImageMutator;
import io.fruits.features.SharedData;
import io.fruits.features.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,400 damaged copies of real shared images (JPEG as shot, and PNG, GIF and BMP re-encoded from
 * them and from the shared PNGs) in one run: it ends with exit 0, every file is a vector or a
 * reject, no task attempt failed, and a second run gives the same bytes. The seed is printed and
 * can be set with {@code -Dfruits.fuzz.seed=N} to replay a failure.
 */
class FuzzedImagesIT {
  private static final int PER_FORMAT_AND_KIND = 150;

  @TempDir Path tmp;

  @Test
  void mutatedImagesBecomeVectorsOrRejectsAndNeverFailATask() throws Exception {
    long seed = Long.getLong("fruits.fuzz.seed", 20261126L);
    System.err.println("[FuzzedImagesIT] seed " + seed + " (replay with -Dfruits.fuzz.seed=" + seed + ")");
    List<byte[]> jpegs = sources(SharedData.fruits().resolve("Training/Apple 6"), ".jpg", 200_000).subList(0, 40);
    // Real PNG files of the shared material (the small ones keep the run short), and Fruits-360
    // photos saved as PNG.
    List<byte[]> pngs = sources(SharedData.models().getParent(), ".png", 200_000);
    pngs.addAll(reencoded(jpegs.subList(0, 20), "png"));
    Path in = tmp.resolve("in");
    ImageMutator mutator = new ImageMutator(seed);
    int files = 0;
    for (String format : new String[] {"jpg", "png", "gif", "bmp"}) {
      List<byte[]> originals = switch (format) {
        case "jpg" -> jpegs;
        case "png" -> pngs;
        default -> reencoded(jpegs, format);
      };
      for (ImageMutator.Kind kind : ImageMutator.Kind.values()) {
        Path dir = Files.createDirectories(in.resolve(format + "-" + kind.name().toLowerCase()));
        for (int i = 0; i < PER_FORMAT_AND_KIND; i++) {
          Files.write(dir.resolve(String.format("%04d.%s", i, format)), mutator.mutate(originals.get(i % originals.size()), kind));
          files++;
        }
      }
    }
    assertTrue(files >= 2000, files + " files");

    Configuration conf = new Configuration();
    conf.set("model.dir", SharedData.models().toString());
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    for (Path out : List.of(first, second)) {
      PipelineRun run = PipelineRun.of(conf, "--input", in.toString(), "--output", out.toString(), "--model", "squeezenet1.1");
      assertEquals(0, run.exitCode, "seed " + seed + ": " + run.stderr);
    }

    int vectors = ImageTrees.rows(first.resolve("features.csv")).size();
    int rejects = ImageTrees.rows(first.resolve("rejects.csv")).size();
    assertEquals(files, vectors + rejects, "files in = vectors + rejects");
    assertTrue(rejects > 0 && vectors > 0, vectors + " vectors, " + rejects + " rejects");
    String counters = Files.readString(first.resolve("reports/counters-fruits-features.json"));
    assertEquals(0, counter(counters, "Failed map tasks"), counters);
    assertEquals(files, counter(counters, "IMAGES_READ"), counters);
    for (String csv : List.of("features.csv", "rejects.csv", "pca.csv")) {
      assertArrayEquals(Files.readAllBytes(first.resolve(csv)), Files.readAllBytes(second.resolve(csv)), csv + " differs on a re-run");
    }
  }

  private static long counter(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\": (\\d+)").matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** The files ending in {@code suffix} below {@code root} of at most {@code maxBytes}, in path order. */
  private static List<byte[]> sources(Path root, String suffix, long maxBytes) throws Exception {
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> all = Files.walk(root.toRealPath())) { // the shared folder may be a link
      for (Path p : all.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
        if (Files.size(p) <= maxBytes) {
          out.add(Files.readAllBytes(p));
        }
      }
    }
    assertFalse(out.isEmpty(), "no " + suffix + " files below " + root);
    return out;
  }

  private static List<byte[]> reencoded(List<byte[]> images, String format) throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (byte[] b : images) {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(b));
      BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
      rgb.getGraphics().drawImage(img, 0, 0, null);
      out.add(TestImages.encode(rgb, format));
    }
    return out;
  }
}
