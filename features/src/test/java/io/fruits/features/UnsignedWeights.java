package io.fruits.features;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The reference of {@link ExactInt8IT}: an int8 ONNX model's int8 initializers (its weights and
 * their zero points) rewritten as uint8, each value plus 128. {@code (w - z)} is unchanged, so the
 * model computes the same thing, and ONNX Runtime multiplies uint8 by uint8 exactly on every
 * processor, with no switch of its own. Test code: the product uses ONNX Runtime's switch
 * ({@link ExactInt8}), which gave the same vectors of the 11,280 Training images, faster.
 */
final class UnsignedWeights {
  // onnx.proto: ModelProto.graph, GraphProto.initializer, and TensorProto's fields.
  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_INT32_DATA = 5;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;
  private static final int TENSOR_EXTERNAL_DATA = 13;
  private static final int UINT8 = 2;
  private static final int INT8 = 3;

  private UnsignedWeights() {}

  /** The model with its int8 initializers as uint8, or null when it has none. */
  static byte[] rewrite(byte[] model) {
    boolean[] changed = {false};
    ByteArrayOutputStream out = new ByteArrayOutputStream(model.length + 1024);
    for (Protobuf.Field f : Protobuf.fields(model, 0, model.length)) {
      if (f.number() == MODEL_GRAPH && f.type() == Protobuf.LENGTH) {
        Protobuf.writeBytesField(out, MODEL_GRAPH, graph(model, f, changed));
      } else {
        out.write(model, f.start(), f.end() - f.start());
      }
    }
    return changed[0] ? out.toByteArray() : null;
  }

  private static byte[] graph(byte[] model, Protobuf.Field graph, boolean[] changed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(graph.end() - graph.from() + 1024);
    for (Protobuf.Field f : Protobuf.fields(model, graph.from(), graph.end())) {
      byte[] tensor = f.number() == GRAPH_INITIALIZER && f.type() == Protobuf.LENGTH ? unsigned(model, f) : null;
      if (tensor == null) {
        out.write(model, f.start(), f.end() - f.start());
      } else {
        Protobuf.writeBytesField(out, GRAPH_INITIALIZER, tensor);
        changed[0] = true;
      }
    }
    return out.toByteArray();
  }

  /** The tensor as uint8, or null when it is not int8. */
  private static byte[] unsigned(byte[] model, Protobuf.Field tensor) {
    List<Protobuf.Field> fields = Protobuf.fields(model, tensor.from(), tensor.end());
    if (fields.stream().noneMatch(f -> f.number() == TENSOR_DATA_TYPE && f.varint() == INT8)) {
      return null;
    }
    ByteArrayOutputStream kept = new ByteArrayOutputStream(tensor.end() - tensor.from());
    ByteArrayOutputStream values = new ByteArrayOutputStream();
    String name = "";
    for (Protobuf.Field f : fields) {
      switch (f.number()) {
        case TENSOR_DATA_TYPE -> { } // written below
        case TENSOR_RAW_DATA -> {
          for (int i = f.from(); i < f.end(); i++) {
            values.write(model[i] ^ 0x80); // two's complement v to v + 128
          }
        }
        case TENSOR_INT32_DATA -> int32Data(model, f, values);
        case TENSOR_EXTERNAL_DATA -> throw new IllegalArgumentException("int8 tensor " + name + " keeps its values outside the model file");
        default -> {
          if (f.number() == TENSOR_NAME) {
            name = new String(model, f.from(), f.end() - f.from(), java.nio.charset.StandardCharsets.UTF_8);
          }
          kept.write(model, f.start(), f.end() - f.start());
        }
      }
    }
    Protobuf.writeVarintField(kept, TENSOR_DATA_TYPE, UINT8);
    Protobuf.writeBytesField(kept, TENSOR_RAW_DATA, values.toByteArray());
    return kept.toByteArray();
  }

  /** int8 values kept one per int32 (packed or not), as uint8 bytes. */
  private static void int32Data(byte[] model, Protobuf.Field f, ByteArrayOutputStream values) {
    if (f.type() == Protobuf.VARINT) {
      values.write((int) f.varint() + 128);
      return;
    }
    int[] at = {f.from()};
    while (at[0] < f.end()) {
      values.write((int) Protobuf.varint(model, at, f.end()) + 128);
    }
  }
}
