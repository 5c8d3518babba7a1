package io.fruits.mapreduce;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Arrays as bulk big-endian bytes, one stream call each: matrices of millions of values cross the shuffle. */
final class BulkArrays {
  private BulkArrays() {}

  static void writeDoubles(DataOutput out, double[] values) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(values.length * Double.BYTES);
    buf.asDoubleBuffer().put(values);
    out.write(buf.array());
  }

  static double[] readDoubles(DataInput in, int n) throws IOException {
    double[] values = new double[n];
    ByteBuffer.wrap(bytes(in, n * Double.BYTES)).asDoubleBuffer().get(values);
    return values;
  }

  static void writeLongs(DataOutput out, long[] values) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(values.length * Long.BYTES);
    buf.asLongBuffer().put(values);
    out.write(buf.array());
  }

  static long[] readLongs(DataInput in, int n) throws IOException {
    long[] values = new long[n];
    ByteBuffer.wrap(bytes(in, n * Long.BYTES)).asLongBuffer().get(values);
    return values;
  }

  static void writeFloats(DataOutput out, float[] values) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES);
    buf.asFloatBuffer().put(values);
    out.write(buf.array());
  }

  static float[] readFloats(DataInput in, int n) throws IOException {
    float[] values = new float[n];
    ByteBuffer.wrap(bytes(in, n * Float.BYTES)).asFloatBuffer().get(values);
    return values;
  }

  private static byte[] bytes(DataInput in, int n) throws IOException {
    byte[] raw = new byte[n];
    in.readFully(raw);
    return raw;
  }
}
