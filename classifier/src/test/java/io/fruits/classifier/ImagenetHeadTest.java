package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last layer read from an ONNX file written here field by field as {@code onnx.proto} numbers
 * them: a 3-input, 2-class int8 head after an average pooling, with per-column weight scales and
 * zero points (one of them negative, as int32_data holds it), packed and raw values. The logits
 * are checked against the dequantization done by hand in the comments.
 */
class ImagenetHeadTest {
  /** The weights of the layer that makes the feature map {@code f_q}. */
  private static final byte[] KERNEL = {7, 8, -9};

  @Test
  void theLogitsAreTheDequantizedLayerOfTheVector(@TempDir Path tmp) throws IOException {
    ImagenetHead head = ImagenetHead.read(model(tmp, "QLinearAdd"), "f");
    assertEquals(3, head.inputs());
    // W = (q - zero) * scale per column: column 0 (0, 1, -3), column 1 (-0.25, 1.25, 1.75); bias (-0.2, 0.8).
    // The fourth value (a colour histogram's) is not the layer's.
    assertArrayEquals(new float[] {-0.2f + 2 - 9, 0.8f - 0.25f + 2.5f + 5.25f}, head.logits(new double[] {1, 2, 3, 9}), 1e-5f);
    assertThrows(IllegalArgumentException.class, () -> head.logits(new double[] {1, 2}));
  }

  @Test
  void onStandardisedVectorsItGivesTheLogitsOfTheVectorsAsMade(@TempDir Path tmp) throws IOException {
    ImagenetHead head = ImagenetHead.read(model(tmp, "QLinearAdd"), "f");
    double[] mean = {1, -2, 0.5, 7};
    double[] std = {2, 0.5, 0, 1};
    // A value of zero deviation is standardised to 0: the run's mean stands in for it.
    double[] made = {3, -1, 0.5};
    double[] standardised = {1, 2, 0, 4};
    assertArrayEquals(head.logits(made), head.onStandardised(mean, std).logits(standardised), 1e-5f);
    assertThrows(IllegalArgumentException.class, () -> head.onStandardised(new double[2], new double[2]));
  }

  @Test
  void anotherFeatureMapOrAnotherEndingIsRefused(@TempDir Path tmp) throws IOException {
    Path file = model(tmp, "QLinearAdd");
    IllegalArgumentException map = assertThrows(IllegalArgumentException.class, () -> ImagenetHead.read(file, "p_q"));
    assertEquals("head.onnx cannot be applied to the run's vectors (it pools f_q, not the feature model's output p_q); run the photos"
        + " through it instead and give that run as --imagenet", map.getMessage());
    IllegalArgumentException ending = assertThrows(IllegalArgumentException.class, () -> ImagenetHead.read(model(tmp, "QLinearMul"), "f"));
    assertTrue(ending.getMessage().contains("its output is not made by an int8 bias addition"), ending.getMessage());
  }

  @Test
  void givenTheFeatureModelItTakesOnlyTheMapThatModelMakes(@TempDir Path tmp) throws IOException {
    Path head = model(tmp, "QLinearAdd");
    assertEquals(3, ImagenetHead.read(head, features(tmp.resolve("same.onnx"), KERNEL), "f").inputs());
    byte[] other = KERNEL.clone();
    other[1]++;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImagenetHead.read(head, features(tmp.resolve("other.onnx"), other), "f"));
    assertEquals("head.onnx cannot be applied to the run's vectors (the layer that makes the map it pools is not the one in other.onnx:"
        + " another network's weights); run the photos through it instead and give that run as --imagenet", e.getMessage());
  }

  /** A feature model: the layer with {@code kernel}, its map as real values {@code f}. */
  private static Path features(Path file, byte[] kernel) throws IOException {
    return write(file, List.of(node("QLinearConv", List.of("x_q", "K"), "f_q"), node("DequantizeLinear", List.of("f_q", "f_s", "f_z"), "f")),
        List.of(raw("K", 3, new long[] {3}, kernel)), "f");
  }

  /** The head, its last addition named {@code lastOp}. */
  private static Path model(Path dir, String lastOp) throws IOException {
    List<ByteString> nodes = List.of(
        node("QLinearConv", List.of("x_q", "K"), "f_q"),
        node("DequantizeLinear", List.of("f_q", "f_s", "f_z"), "f"),
        node("QLinearGlobalAveragePool", List.of("f_q", "f_s", "f_z", "p_s", "p_z"), "p_q"),
        node("Reshape", List.of("p_q", "shape"), "r_q"),
        node("QLinearMatMul", List.of("r_q", "p_s", "p_z", "W", "Ws", "Wz", "m_s", "m_z"), "m_q"),
        node(lastOp, List.of("m_q", "m_s", "m_z", "B", "Bs", "Bz", "o_s", "o_z"), "o_q"),
        node("DequantizeLinear", List.of("o_q", "o_s", "o_z"), "out"));
    List<ByteString> constants = List.of(
        raw("K", 3, new long[] {3}, KERNEL),
        raw("W", 3, new long[] {3, 2}, new byte[] {1, -2, 3, 4, -5, 6}),
        floats("Ws", new long[] {2}, 0.5f, 0.25f),
        ints("Wz", 3, new long[] {2}, 1, -1),
        raw("B", 2, new long[] {2}, new byte[] {10, 20}),
        floats("Bs", new long[] {}, 0.1f),
        ints("Bz", 2, new long[] {}, 12));
    return write(dir.resolve("head.onnx"), nodes, constants, "out");
  }

  /** An ONNX file of these nodes and constants, whose graph output is {@code output}. */
  private static Path write(Path file, List<ByteString> nodes, List<ByteString> constants, String output) throws IOException {
    ByteString.Output graph = ByteString.newOutput();
    CodedOutputStream g = CodedOutputStream.newInstance(graph);
    for (ByteString n : nodes) {
      g.writeBytes(1, n);
    }
    for (ByteString t : constants) {
      g.writeBytes(5, t);
    }
    g.writeBytes(12, message(o -> o.writeString(1, output)));
    g.flush();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream m = CodedOutputStream.newInstance(bytes);
    m.writeInt64(1, 8); // ir_version, skipped by the reader
    m.writeBytes(7, graph.toByteString());
    m.flush();
    return Files.write(file, bytes.toByteArray());
  }

  private interface Fields {
    void write(CodedOutputStream out) throws IOException;
  }

  private static ByteString message(Fields fields) throws IOException {
    ByteString.Output bytes = ByteString.newOutput();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    fields.write(out);
    out.flush();
    return bytes.toByteString();
  }

  private static ByteString node(String op, List<String> inputs, String output) throws IOException {
    return message(o -> {
      for (String in : inputs) {
        o.writeString(1, in);
      }
      o.writeString(2, output);
      o.writeString(4, op);
    });
  }

  private static void header(CodedOutputStream o, String name, int type, long[] dims) throws IOException {
    for (long d : dims) {
      o.writeInt64(1, d);
    }
    o.writeInt32(2, type);
    o.writeString(8, name);
  }

  private static ByteString raw(String name, int type, long[] dims, byte[] values) throws IOException {
    return message(o -> {
      header(o, name, type, dims);
      o.writeBytes(9, ByteString.copyFrom(values));
    });
  }

  /** float_data, packed. */
  private static ByteString floats(String name, long[] dims, float... values) throws IOException {
    return message(o -> {
      header(o, name, 1, dims);
      o.writeTag(4, 2);
      o.writeUInt32NoTag(4 * values.length);
      for (float v : values) {
        o.writeFloatNoTag(v);
      }
    });
  }

  /** int32_data, packed: how ONNX stores int8 and uint8 values outside raw_data. */
  private static ByteString ints(String name, int type, long[] dims, int... values) throws IOException {
    return message(o -> {
      header(o, name, type, dims);
      int size = 0;
      for (int v : values) {
        size += CodedOutputStream.computeInt32SizeNoTag(v);
      }
      o.writeTag(5, 2);
      o.writeUInt32NoTag(size);
      for (int v : values) {
        o.writeInt32NoTag(v);
      }
    });
  }
}
