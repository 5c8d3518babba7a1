package io.fruits.mapreduce;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/** An image's class label and feature vector: the value of the features SequenceFiles. */
public final class FeatureVectorWritable implements Writable {
  private final Text label = new Text();
  private float[] vector = new float[0];

  public FeatureVectorWritable() {}

  public FeatureVectorWritable(String label, float[] vector) {
    set(label, vector);
  }

  public void set(String label, float[] vector) {
    this.label.set(label);
    this.vector = vector;
  }

  public String label() {
    return label.toString();
  }

  /** The vector; live, reused by Hadoop between records. */
  public float[] vector() {
    return vector;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    label.write(out);
    WritableUtils.writeVInt(out, vector.length);
    for (float v : vector) {
      out.writeFloat(v);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    label.readFields(in);
    int n = WritableUtils.readVInt(in);
    if (vector.length != n) {
      vector = new float[n];
    }
    for (int i = 0; i < n; i++) {
      vector[i] = in.readFloat();
    }
  }
}
