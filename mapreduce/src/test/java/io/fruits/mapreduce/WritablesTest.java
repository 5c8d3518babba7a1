package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fruits.reduction.ColumnMoments;
import io.fruits.reduction.Moments;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableUtils;
import org.junit.jupiter.api.Test;

class WritablesTest {
  @Test
  void featureVectorRoundTripsAndKeepsTheDataOutputEncoding() throws Exception {
    float[] v = {1.5f, -0f, Float.MIN_VALUE, 3.4e38f, Float.NaN};
    DataOutputBuffer out = new DataOutputBuffer();
    new FeatureVectorWritable("Apple 6", v).write(out);

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream plain = new DataOutputStream(expected);
    new Text("Apple 6").write(plain);
    WritableUtils.writeVInt(plain, v.length);
    for (float f : v) {
      plain.writeFloat(f);
    }
    assertArrayEquals(expected.toByteArray(), java.util.Arrays.copyOf(out.getData(), out.getLength()));

    DataInputBuffer in = new DataInputBuffer();
    in.reset(out.getData(), out.getLength());
    FeatureVectorWritable back = new FeatureVectorWritable();
    back.readFields(in);
    assertEquals("Apple 6", back.label());
    assertArrayEquals(v, back.vector());
  }

  @Test
  void momentsRoundTripExactly() throws Exception {
    Moments m = new Moments(2, 7, new double[] {1.25, -3}, new double[] {4, 0.5, 0.5, Math.PI});
    DataOutputBuffer out = new DataOutputBuffer();
    new MomentsWritable(m).write(out);
    DataInputBuffer in = new DataInputBuffer();
    in.reset(out.getData(), out.getLength());
    MomentsWritable back = new MomentsWritable();
    back.readFields(in);
    assertEquals(m, back.get());
  }

  @Test
  void columnMomentsRoundTripExactly() throws Exception {
    ColumnMoments m = new ColumnMoments(3);
    m.add(new float[] {1.5f, 0, -2e5f});
    m.add(new float[] {-0.25f, 0, 7e4f});
    for (int i = 0; i < 40_000; i++) {
      m.sums().add(2, 9e8); // enough to carry into the high words
    }
    DataOutputBuffer out = new DataOutputBuffer();
    new ColumnMomentsWritable(m).write(out);
    DataInputBuffer in = new DataInputBuffer();
    in.reset(out.getData(), out.getLength());
    ColumnMomentsWritable back = new ColumnMomentsWritable();
    back.readFields(in);
    assertEquals(2, back.get().count());
    for (int i = 0; i < 6; i++) {
      assertEquals(m.sums().exact(i), back.get().sums().exact(i), "sum " + i);
    }
    assertArrayEquals(m.min(), back.get().min());
    assertArrayEquals(m.max(), back.get().max());
  }
}
