package io.fruits.mapreduce;

import io.fruits.reduction.Moments;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
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

  @Override
  public void write(DataOutput out) throws IOException {
    int d = moments.dimension();
    out.writeInt(d);
    out.writeLong(moments.count());
    for (double v : moments.mean()) {
      out.writeDouble(v);
    }
    for (double v : moments.m2()) {
      out.writeDouble(v);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    int d = in.readInt();
    long count = in.readLong();
    double[] mean = new double[d];
    for (int i = 0; i < d; i++) {
      mean[i] = in.readDouble();
    }
    double[] m2 = new double[d * d];
    for (int i = 0; i < m2.length; i++) {
      m2[i] = in.readDouble();
    }
    moments = new Moments(d, count, mean, m2);
  }
}
