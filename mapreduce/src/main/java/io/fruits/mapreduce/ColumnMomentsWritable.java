package io.fruits.mapreduce;

import io.fruits.reduction.ColumnMoments;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;

/** {@link ColumnMoments} on the wire: count, the exact sums, minima and maxima. */
public final class ColumnMomentsWritable implements Writable {
  private ColumnMoments moments;

  public ColumnMomentsWritable() {}

  public ColumnMomentsWritable(ColumnMoments moments) {
    this.moments = moments;
  }

  public ColumnMoments get() {
    return moments;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeLong(moments.count());
    ExactSumsWritable.write(out, moments.sums());
    BulkArrays.writeFloats(out, moments.min());
    BulkArrays.writeFloats(out, moments.max());
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    long count = in.readLong();
    var sums = ExactSumsWritable.read(in);
    int d = sums.size() / 2;
    moments = new ColumnMoments(count, sums, BulkArrays.readFloats(in, d), BulkArrays.readFloats(in, d));
  }
}
