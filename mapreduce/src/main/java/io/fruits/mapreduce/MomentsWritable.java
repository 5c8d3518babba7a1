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

  void set(Moments m) {
    this.moments = m;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    int d = moments.dimension();
    out.writeInt(d);
    out.writeLong(moments.count());
    BulkArrays.writeDoubles(out, moments.mean());
    BulkArrays.writeDoubles(out, moments.m2());
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    int d = in.readInt();
    long count = in.readLong();
    moments = new Moments(d, count, BulkArrays.readDoubles(in, d), BulkArrays.readDoubles(in, d * d));
  }
}
