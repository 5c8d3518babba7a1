package io.fruits.mapreduce;

import io.fruits.reduction.Moments;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;

/** A stats map output: either the moments of a whole chunk or one raw vector of a cut chunk. */
public final class StatsPartWritable implements Writable {
  private final MomentsWritable moments = new MomentsWritable();
  private final FeatureVectorWritable vector = new FeatureVectorWritable();
  private boolean isMoments;

  static StatsPartWritable of(Moments m) {
    StatsPartWritable p = new StatsPartWritable();
    p.isMoments = true;
    p.moments.set(m);
    return p;
  }

  void setVector(String label, float[] v) {
    isMoments = false;
    vector.set(label, v);
  }

  boolean isMoments() {
    return isMoments;
  }

  Moments moments() {
    return moments.get();
  }

  float[] vector() {
    return vector.vector();
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeBoolean(isMoments);
    if (isMoments) {
      moments.write(out);
    } else {
      vector.write(out);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    isMoments = in.readBoolean();
    if (isMoments) {
      moments.readFields(in);
    } else {
      vector.readFields(in);
    }
  }
}
