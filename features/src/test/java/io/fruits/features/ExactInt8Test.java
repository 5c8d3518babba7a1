package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A one-layer int8 model written here byte by byte: one QLinearConv (1x1) of 64 input channels,
 * activations 255 and weights 127, whose exact output the test computes by hand. Pairs of such
 * products overflow 16 bits, which is where ONNX Runtime's int8 path without VNNI saturates: there
 * the model gives 105, not 207, with ONNX Runtime's defaults. Also the tests of the IT's reference,
 * {@link UnsignedWeights}.
 */
class ExactInt8Test {
  private static final int CHANNELS = 64;
  private static final float OUTPUT_SCALE = 10_000f;

  /** ONNX Runtime loaded here, without DJL, left its extraction folder in /tmp. */
  @AfterAll
  static void removeOnnxRuntimesFolder() {
    OnnxRuntimeTempDir.remove();
  }

  @Test
  void theProductsSessionOptionsComputeTheExactConvolution() throws Exception {
    int exact = Math.round(CHANNELS * 255 * 127 / OUTPUT_SCALE); // 207, within uint8
    assertEquals(207, exact);
    byte[] model = model(CHANNELS);
    assertEquals(exact, run(model, ExactInt8.sessionOptions()));
    System.out.println("ExactInt8Test: exact " + exact + ", with ONNX Runtime's defaults on this processor " + run(model, new OrtSession.SessionOptions()));
  }

  /** The reference of {@link ExactInt8IT}: the weights as uint8 need no switch. */
  @Test
  void theModelWithUint8WeightsComputesTheExactConvolutionWithTheDefaults() throws Exception {
    assertEquals(207, run(UnsignedWeights.rewrite(model(CHANNELS)), new OrtSession.SessionOptions()));
  }

  @Test
  void int8ValuesBecomeUint8PlusOneHundredTwentyEightAndNothingElseChanges() {
    byte[] signed = model(2);
    byte[] unsigned = UnsignedWeights.rewrite(signed);
    Map<String, Tensor> before = initializers(signed);
    Map<String, Tensor> after = initializers(unsigned);
    assertEquals(before.keySet(), after.keySet());
    for (String name : before.keySet()) {
      Tensor b = before.get(name);
      Tensor a = after.get(name);
      if (b.type == 3) {
        assertEquals(2, a.type, name);
        byte[] expected = new byte[b.values.length];
        for (int i = 0; i < expected.length; i++) {
          expected[i] = (byte) (b.values[i] + 128);
        }
        assertArrayEquals(expected, a.values, name);
      } else {
        assertEquals(b.type, a.type, name);
        assertArrayEquals(b.values, a.values, name);
      }
    }
  }

  @Test
  void aModelWithoutInt8WeightsIsLeftAsItIs() {
    ByteArrayOutputStream graph = new ByteArrayOutputStream();
    Protobuf.writeBytesField(graph, 5, tensor("scale", 1, new long[0], floatBytes(1f), false));
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    Protobuf.writeBytesField(model, 7, graph.toByteArray());
    assertNull(UnsignedWeights.rewrite(model.toByteArray()));
  }

  @Test
  void bytesThatAreNoModelAreNotRewritten() {
    assertThrows(Protobuf.Malformed.class, () -> UnsignedWeights.rewrite(new byte[] {0x3a, 0x7f, 1, 2}));
  }

  /** The model's one output for activations of 255 in all {@link #CHANNELS} channels. */
  private static int run(byte[] model, OrtSession.SessionOptions options) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    byte[] x = new byte[CHANNELS];
    java.util.Arrays.fill(x, (byte) 255);
    try (options; OrtSession session = env.createSession(model, options);
        OnnxTensor input = OnnxTensor.createTensor(env, ByteBuffer.wrap(x), new long[] {1, CHANNELS, 1, 1}, OnnxJavaType.UINT8);
        OrtSession.Result r = session.run(Map.of("x", input))) {
      return Byte.toUnsignedInt(((OnnxTensor) r.get(0)).getByteBuffer().get(0));
    }
  }

  /** QLinearConv(x uint8 [1,C,1,1], w int8 [1,C,1,1] = 127) with scales 1, 1 and OUTPUT_SCALE, zero points 0. */
  static byte[] model(int channels) {
    byte[] w = new byte[channels];
    java.util.Arrays.fill(w, (byte) 127);
    ByteArrayOutputStream graph = new ByteArrayOutputStream();
    ByteArrayOutputStream node = new ByteArrayOutputStream();
    for (String in : List.of("x", "xs", "xz", "w", "ws", "wz", "ys", "yz")) {
      Protobuf.writeBytesField(node, 1, in.getBytes(StandardCharsets.UTF_8));
    }
    Protobuf.writeBytesField(node, 2, "y".getBytes(StandardCharsets.UTF_8));
    Protobuf.writeBytesField(node, 4, "QLinearConv".getBytes(StandardCharsets.UTF_8));
    Protobuf.writeBytesField(graph, 1, node.toByteArray());
    Protobuf.writeBytesField(graph, 2, "conv".getBytes(StandardCharsets.UTF_8));
    Protobuf.writeBytesField(graph, 5, tensor("xs", 1, new long[0], floatBytes(1f), false));
    Protobuf.writeBytesField(graph, 5, tensor("xz", 2, new long[0], new byte[] {0}, false));
    Protobuf.writeBytesField(graph, 5, tensor("w", 3, new long[] {1, channels, 1, 1}, w, false));
    Protobuf.writeBytesField(graph, 5, tensor("ws", 1, new long[0], floatBytes(1f), false));
    Protobuf.writeBytesField(graph, 5, tensor("wz", 3, new long[0], new byte[] {0}, true)); // as int32_data, as the Model Zoo writes zero points
    Protobuf.writeBytesField(graph, 5, tensor("ys", 1, new long[0], floatBytes(OUTPUT_SCALE), false));
    Protobuf.writeBytesField(graph, 5, tensor("yz", 2, new long[0], new byte[] {0}, false));
    Protobuf.writeBytesField(graph, 11, valueInfo("x", new long[] {1, channels, 1, 1}));
    Protobuf.writeBytesField(graph, 12, valueInfo("y", new long[] {1, 1, 1, 1}));
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    Protobuf.writeVarintField(model, 1, 7); // ir_version
    ByteArrayOutputStream opset = new ByteArrayOutputStream();
    Protobuf.writeVarintField(opset, 2, 13);
    Protobuf.writeBytesField(model, 8, opset.toByteArray());
    Protobuf.writeBytesField(model, 7, graph.toByteArray());
    return model.toByteArray();
  }

  private static byte[] tensor(String name, int type, long[] dims, byte[] values, boolean int32Data) {
    ByteArrayOutputStream t = new ByteArrayOutputStream();
    for (long d : dims) {
      Protobuf.writeVarintField(t, 1, d);
    }
    Protobuf.writeVarintField(t, 2, type);
    Protobuf.writeBytesField(t, 8, name.getBytes(StandardCharsets.UTF_8));
    if (int32Data) {
      ByteArrayOutputStream packed = new ByteArrayOutputStream();
      for (byte v : values) {
        Protobuf.writeVarint(packed, v); // sign-extended, as protobuf writes a negative int32
      }
      Protobuf.writeBytesField(t, 5, packed.toByteArray());
    } else {
      Protobuf.writeBytesField(t, 9, values);
    }
    return t.toByteArray();
  }

  private static byte[] valueInfo(String name, long[] dims) {
    ByteArrayOutputStream shape = new ByteArrayOutputStream();
    for (long d : dims) {
      ByteArrayOutputStream dim = new ByteArrayOutputStream();
      Protobuf.writeVarintField(dim, 1, d);
      Protobuf.writeBytesField(shape, 1, dim.toByteArray());
    }
    ByteArrayOutputStream tensorType = new ByteArrayOutputStream();
    Protobuf.writeVarintField(tensorType, 1, 2); // uint8
    Protobuf.writeBytesField(tensorType, 2, shape.toByteArray());
    ByteArrayOutputStream type = new ByteArrayOutputStream();
    Protobuf.writeBytesField(type, 1, tensorType.toByteArray());
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    Protobuf.writeBytesField(info, 1, name.getBytes(StandardCharsets.UTF_8));
    Protobuf.writeBytesField(info, 2, type.toByteArray());
    return info.toByteArray();
  }

  private static byte[] floatBytes(float f) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(f).array();
  }

  private record Tensor(long type, byte[] values) {}

  /** Each initializer's type and values, read back whether kept as raw bytes or one int32 each. */
  private static Map<String, Tensor> initializers(byte[] model) {
    Map<String, Tensor> out = new java.util.TreeMap<>();
    for (Protobuf.Field m : Protobuf.fields(model, 0, model.length)) {
      if (m.number() != 7) {
        continue;
      }
      for (Protobuf.Field g : Protobuf.fields(model, m.from(), m.end())) {
        if (g.number() != 5) {
          continue;
        }
        long type = 0;
        String name = "";
        List<Byte> values = new ArrayList<>();
        for (Protobuf.Field f : Protobuf.fields(model, g.from(), g.end())) {
          switch (f.number()) {
            case 2 -> type = f.varint();
            case 8 -> name = new String(model, f.from(), f.end() - f.from(), StandardCharsets.UTF_8);
            case 9 -> {
              for (int i = f.from(); i < f.end(); i++) {
                values.add(model[i]);
              }
            }
            case 5 -> {
              int[] at = {f.from()};
              while (at[0] < f.end()) {
                values.add((byte) Protobuf.varint(model, at, f.end()));
              }
            }
            default -> { }
          }
        }
        byte[] v = new byte[values.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = values.get(i);
        }
        out.put(name, new Tensor(type, v));
      }
    }
    return out;
  }
}
