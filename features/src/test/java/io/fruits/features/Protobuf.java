package io.fruits.features;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The protobuf wire format, as far as the int8 tests take it: an ONNX model written by hand, and
 * fields read without a schema and written back with new lengths. Not a protobuf library: no class
 * of the ONNX schema is on Maven Central for Java, and the tests need a dozen field numbers.
 */
final class Protobuf {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH = 2;
  static final int FIXED32 = 5;

  /** One field: its key starts at {@code start}, its value (after a length, for LENGTH) at {@code from}; both end at {@code end}. */
  record Field(int number, int type, int start, int from, int end, long varint) {}

  /** Bytes that are not a protobuf message. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message);
    }
  }

  private Protobuf() {}

  /** The fields of the message held in {@code b[from, to)}. */
  static List<Field> fields(byte[] b, int from, int to) {
    List<Field> fields = new ArrayList<>();
    int[] at = {from};
    while (at[0] < to) {
      int start = at[0];
      long key = varint(b, at, to);
      int number = (int) (key >>> 3);
      int type = (int) (key & 7);
      long value = 0;
      int valueFrom;
      switch (type) {
        case VARINT -> {
          valueFrom = at[0];
          value = varint(b, at, to);
        }
        case FIXED64, FIXED32 -> {
          valueFrom = at[0];
          at[0] += type == FIXED64 ? 8 : 4;
        }
        case LENGTH -> {
          long length = varint(b, at, to);
          valueFrom = at[0];
          if (length < 0 || length > to - valueFrom) {
            throw new Malformed("a field's length runs past its message");
          }
          at[0] += (int) length;
        }
        default -> throw new Malformed("wire type " + type + " is not one ONNX uses");
      }
      if (at[0] > to) {
        throw new Malformed("a field runs past its message");
      }
      fields.add(new Field(number, type, start, valueFrom, at[0], value));
    }
    return fields;
  }

  /** Reads a varint at {@code at[0]}, moving it past. */
  static long varint(byte[] b, int[] at, int to) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at[0] >= to) {
        throw new Malformed("a varint runs past its message");
      }
      byte x = b[at[0]++];
      v |= (long) (x & 0x7f) << shift;
      if (x >= 0) {
        return v;
      }
    }
    throw new Malformed("a varint longer than 10 bytes");
  }

  static void writeVarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7fL) != 0) {
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }

  static void writeVarintField(ByteArrayOutputStream out, int number, long v) {
    writeVarint(out, (long) number << 3 | VARINT);
    writeVarint(out, v);
  }

  static void writeBytesField(ByteArrayOutputStream out, int number, byte[] payload) {
    writeVarint(out, (long) number << 3 | LENGTH);
    writeVarint(out, payload.length);
    out.write(payload, 0, payload.length);
  }
}
