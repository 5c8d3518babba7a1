package io.fruits.mapreduce;

import io.fruits.reduction.Moments;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.io.Writable;

/** {@link Moments} on the wire: dimension, count, mean and the full co-moment matrix. */
public final class MomentsWritable implements Writable {
  private Moments moments;

  public MomentsWritable() {}

  public MomentsWritable(Moments moments) {
    this.moments = moments;
  }

  public Moments get() {
    return moments;
  }

  void set(Moments m) {
    this.moments = m;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    int d = moments.dimension();
    out.writeInt(d);
    out.writeLong(moments.count());
    writeDoubles(out, moments.mean());
    writeDoubles(out, moments.m2());
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    int d = in.readInt();
    long count = in.readLong();
    moments = new Moments(d, count, readDoubles(in, d), readDoubles(in, d * d));
  }

  /** Bulk big-endian doubles: one stream call for the whole d x d matrix. */
  private static void writeDoubles(DataOutput out, double[] values) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(values.length * Double.BYTES);
    buf.asDoubleBuffer().put(values);
    out.write(buf.array());
  }

  private static double[] readDoubles(DataInput in, int n) throws IOException {
    byte[] raw = new byte[n * Double.BYTES];
    in.readFully(raw);
    double[] values = new double[n];
    ByteBuffer.wrap(raw).asDoubleBuffer().get(values);
    return values;
  }
}
