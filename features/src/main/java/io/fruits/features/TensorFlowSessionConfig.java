package io.fruits.features;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * The thread pools of a TensorFlow session, in the form DJL's TensorFlow engine takes them per
 * model: its {@code ConfigProto} option, Base64 of the protobuf bytes. Two varint fields of
 * tensorflow/core/protobuf/config.proto are written directly, so that this module needs none of
 * TensorFlow's classes (a test parses the bytes with TensorFlow's own ConfigProto).
 */
public final class TensorFlowSessionConfig {
  private static final int INTRA_OP_FIELD = 2;
  private static final int INTER_OP_FIELD = 5;

  private TensorFlowSessionConfig() {}

  /** {@code intraOp} threads inside an operation, {@code interOp} operations at a time. */
  public static String threads(int intraOp, int interOp) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    varintField(bytes, INTRA_OP_FIELD, intraOp);
    varintField(bytes, INTER_OP_FIELD, interOp);
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  private static void varintField(ByteArrayOutputStream out, int field, int value) {
    varint(out, field << 3); // wire type 0: varint
    varint(out, value);
  }

  private static void varint(ByteArrayOutputStream out, int value) {
    int v = value;
    while ((v & ~0x7f) != 0) {
      out.write((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }
}
