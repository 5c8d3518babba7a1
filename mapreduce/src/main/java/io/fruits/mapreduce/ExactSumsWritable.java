package io.fruits.mapreduce;

import io.fruits.reduction.ExactSums;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;

/** {@link ExactSums} on the wire: size, then both words of every sum. One map task's share of a Gram pass. */
public final class ExactSumsWritable implements Writable {
  private ExactSums sums;

  public ExactSumsWritable() {}

  public ExactSumsWritable(ExactSums sums) {
    this.sums = sums;
  }

  public ExactSums get() {
    return sums;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    write(out, sums);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    sums = read(in);
  }

  static void write(DataOutput out, ExactSums s) throws IOException {
    out.writeInt(s.size());
    BulkArrays.writeLongs(out, s.high());
    BulkArrays.writeLongs(out, s.low());
  }

  static ExactSums read(DataInput in) throws IOException {
    int n = in.readInt();
    return new ExactSums(BulkArrays.readLongs(in, n), BulkArrays.readLongs(in, n));
  }
}
