package io.fruits.mapreduce;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/** An image's class label and feature vector: the value of the features SequenceFiles. */
public final class FeatureVectorWritable implements Writable {
  private final Text label = new Text();
  private float[] vector = new float[0];
  /** The vector's big-endian bytes: one bulk read or write instead of a stream call per float. */
  private ByteBuffer bytes = ByteBuffer.allocate(0);

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
    ByteBuffer buf = buffer(vector.length);
    buf.asFloatBuffer().put(vector);
    out.write(buf.array(), 0, vector.length * Float.BYTES);
  }

  private ByteBuffer buffer(int floats) {
    if (bytes.capacity() < floats * Float.BYTES) {
      bytes = ByteBuffer.allocate(floats * Float.BYTES); // big-endian, as DataOutput.writeFloat
    }
    bytes.clear();
    return bytes;
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    label.readFields(in);
    int n = WritableUtils.readVInt(in);
    if (vector.length != n) {
      vector = new float[n];
    }
    ByteBuffer buf = buffer(n);
    in.readFully(buf.array(), 0, n * Float.BYTES);
    buf.asFloatBuffer().get(vector);
  }
}
