package io.fruits.classifier;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes and constant tensors of an ONNX model file, read with protobuf's wire format and the
 * field numbers of {@code onnx.proto} (ModelProto.graph 7; GraphProto.node 1, initializer 5,
 * output 12; NodeProto.input 1, output 2, op_type 4; TensorProto.dims 1, data_type 2, float_data 4,
 * int32_data 5, name 8, raw_data 9). Only what {@link ImagenetHead} needs: no attributes, no
 * sub-graphs, no external data. Generated ONNX classes would need protoc in the build for a
 * handful of fields.
 */
final class OnnxGraph {
  private static final int FLOAT = 1;
  private static final int UINT8 = 2;
  private static final int INT8 = 3;
  private static final int INT32 = 6;

  /** One operator: its type and the names of the tensors it reads and writes. */
  record Node(String op, List<String> inputs, List<String> outputs) {}

  /** A constant: its shape, and its values as doubles, whatever its element type, read when asked for. */
  record Tensor(String name, long[] dims, int type, ByteString raw, double[] listed) {
    double[] values() {
      return raw.isEmpty() ? listed : rawValues(raw, type, name);
    }

    /** The same shape, element type and values: the same constant, whatever its name. */
    boolean sameAs(Tensor other) {
      return Arrays.equals(dims, other.dims) && type == other.type && raw.equals(other.raw)
          && Arrays.equals(listed, other.listed);
    }

    int size() {
      long n = 1;
      for (long d : dims) {
        n *= d;
      }
      return (int) n;
    }
  }

  private final List<Node> nodes;
  private final Map<String, Tensor> initializers;
  private final List<String> outputs;

  private OnnxGraph(List<Node> nodes, Map<String, Tensor> initializers, List<String> outputs) {
    this.nodes = nodes;
    this.initializers = initializers;
    this.outputs = outputs;
  }

  static OnnxGraph read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      CodedInputStream model = CodedInputStream.newInstance(in);
      model.setSizeLimit(Integer.MAX_VALUE); // weights make a model far bigger than protobuf's 64 MB guard
      for (int tag = model.readTag(); tag != 0; tag = model.readTag()) {
        if (WireFormat.getTagFieldNumber(tag) == 7) {
          return graph(model.readBytes());
        }
        model.skipField(tag);
      }
    }
    throw new IllegalArgumentException(file.getFileName() + " holds no ONNX graph");
  }

  /** The node that writes {@code tensor}; null for a graph input or a constant. */
  Node producer(String tensor) {
    for (Node n : nodes) {
      if (n.outputs().contains(tensor)) {
        return n;
      }
    }
    return null;
  }

  /** The node that computes {@code tensor}, looking through a DequantizeLinear (an int8 map as real values). */
  Node maker(String tensor) {
    Node n = producer(tensor);
    return n != null && n.op().equals("DequantizeLinear") ? producer(n.inputs().get(0)) : n;
  }

  /**
   * Whether {@code mine} and {@code theirs} (a node of {@code other}) are the same operator with the
   * same constants at the same places: one layer with the same weights.
   */
  boolean sameLayer(Node mine, OnnxGraph other, Node theirs) {
    if (!mine.op().equals(theirs.op()) || mine.inputs().size() != theirs.inputs().size()) {
      return false;
    }
    boolean anyConstant = false;
    for (int i = 0; i < mine.inputs().size(); i++) {
      Tensor a = constant(mine.inputs().get(i));
      Tensor b = other.constant(theirs.inputs().get(i));
      if ((a == null) != (b == null) || a != null && !a.sameAs(b)) {
        return false;
      }
      anyConstant |= a != null;
    }
    return anyConstant;
  }

  /** The constant named so; null when it is computed. */
  Tensor constant(String name) {
    return initializers.get(name);
  }

  List<String> outputs() {
    return outputs;
  }

  private static OnnxGraph graph(ByteString bytes) throws IOException {
    List<Node> nodes = new ArrayList<>();
    Map<String, Tensor> initializers = new HashMap<>();
    List<String> outputs = new ArrayList<>();
    CodedInputStream in = bytes.newCodedInput();
    in.setSizeLimit(Integer.MAX_VALUE);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> nodes.add(node(in.readBytes()));
        case 5 -> tensor(in.readBytes(), initializers);
        case 12 -> outputs.add(firstString(in.readBytes()));
        default -> in.skipField(tag);
      }
    }
    return new OnnxGraph(nodes, initializers, outputs);
  }

  private static Node node(ByteString bytes) throws IOException {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String op = "";
    CodedInputStream in = bytes.newCodedInput();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> inputs.add(in.readStringRequireUtf8());
        case 2 -> outputs.add(in.readStringRequireUtf8());
        case 4 -> op = in.readStringRequireUtf8();
        default -> in.skipField(tag);
      }
    }
    return new Node(op, inputs, outputs);
  }

  /** ValueInfoProto's name (field 1). */
  private static String firstString(ByteString bytes) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == 1) {
        return in.readStringRequireUtf8();
      }
      in.skipField(tag);
    }
    return "";
  }

  private static void tensor(ByteString bytes, Map<String, Tensor> into) throws IOException {
    List<Long> dims = new ArrayList<>();
    List<Double> listed = new ArrayList<>(); // float_data or int32_data, packed or not
    int type = 0;
    String name = "";
    ByteString raw = ByteString.EMPTY;
    CodedInputStream in = bytes.newCodedInput();
    in.setSizeLimit(Integer.MAX_VALUE);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
      switch (field) {
        case 1 -> readRepeated(in, packed, () -> dims.add(in.readInt64()));
        case 2 -> type = in.readInt32();
        case 4 -> readRepeated(in, packed, () -> listed.add((double) in.readFloat()));
        case 5 -> readRepeated(in, packed, () -> listed.add((double) in.readInt32()));
        case 8 -> name = in.readStringRequireUtf8();
        case 9 -> raw = in.readBytes();
        default -> in.skipField(tag);
      }
    }
    into.put(name, new Tensor(name, dims.stream().mapToLong(Long::longValue).toArray(), type, raw,
        listed.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  private interface Reader {
    void read() throws IOException;
  }

  private static void readRepeated(CodedInputStream in, boolean packed, Reader one) throws IOException {
    if (!packed) {
      one.read();
      return;
    }
    int limit = in.pushLimit(in.readRawVarint32());
    while (in.getBytesUntilLimit() > 0) {
      one.read();
    }
    in.popLimit(limit);
  }

  /** raw_data is little-endian, whatever the machine. */
  private static double[] rawValues(ByteString raw, int type, String name) {
    int width = switch (type) {
      case FLOAT, INT32 -> 4;
      case UINT8, INT8 -> 1;
      default -> throw new IllegalArgumentException("the tensor " + name + " has ONNX element type " + type
          + "; only float, uint8, int8 and int32 constants are read");
    };
    ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    double[] v = new double[b.remaining() / width];
    for (int i = 0; i < v.length; i++) {
      v[i] = switch (type) {
        case FLOAT -> b.getFloat();
        case INT32 -> b.getInt();
        case UINT8 -> Byte.toUnsignedInt(b.get());
        default -> b.get();
      };
    }
    return v;
  }
}
