package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keras-style SavedModels for the TensorFlow tests, written by the tool of the
 * tensorflow-savedmodel module in a JVM of its own (TensorFlow Java and DJL's TensorFlow engine
 * must not share a class path). The build makes the tool; a missing tool fails, it never skips.
 */
public final class SavedModels {
  /** The known model's input size and its output: 32x32 -> 16x16x4 -> 8x8x8 = 512 values, channels last. */
  public static final int KNOWN_SIZE = 32;

  private SavedModels() {}

  /** Writes {@code kind} (known or vgg16) for {@code size}x{@code size} inputs into {@code out}, a new folder. */
  public static Path write(String kind, Path out, int size) throws IOException, InterruptedException {
    Path tool = Paths.get(System.getProperty("fruits.savedmodel.dir", "../tensorflow-savedmodel/target")).toAbsolutePath();
    Path jar = tool.resolve("fruits-tensorflow-savedmodel-0.1.0-SNAPSHOT.jar");
    Path classpath = tool.resolve("classpath.txt");
    assertTrue(Files.isRegularFile(jar) && Files.isRegularFile(classpath), "the SavedModel tool is built: mvn -pl tensorflow-savedmodel package (" + tool + ")");
    String cp = jar + java.io.File.pathSeparator + Files.readString(classpath, StandardCharsets.UTF_8).trim();
    Path log = Files.createTempFile("savedmodel-", ".log");
    Process p = new ProcessBuilder(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
        "io.fruits.savedmodel.KerasStyleSavedModel", kind, out.toString(), Integer.toString(size)))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the SavedModel tool finished");
    assertEquals(0, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    Files.delete(log);
    return out;
  }

  /** A descriptor file for the known model: NHWC in and out, pixels scaled to [0, 1], the map flattened. */
  public static Path knownDescriptor(Path model, Path file) throws IOException {
    Files.writeString(file, String.join("\n",
        "model.engine=TensorFlow",
        "model.path=" + model.toAbsolutePath(),
        "model.input.layout=NHWC",
        "model.input.width=" + KNOWN_SIZE,
        "model.input.height=" + KNOWN_SIZE,
        "model.scale=" + (1.0 / 255),
        "model.output.name=block2_pool",
        "model.output.layout=NHWC",
        "model.pooling=flatten", ""), StandardCharsets.UTF_8);
    return file;
  }
}
