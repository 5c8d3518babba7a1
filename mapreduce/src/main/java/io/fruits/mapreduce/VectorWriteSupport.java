package io.fruits.mapreduce;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes {@link VectorRow}s as Parquet: {@code id} and {@code label} strings and {@code vector}, a
 * standard three-level LIST of FLOAT (features, as the CNN gives them) or DOUBLE (PCA components).
 * A list, not one column per value: a flattened feature map has 25,088 or more values, and that
 * many columns make Parquet's footer and every reader slow; pandas, Arrow and Spark read a list
 * column as one array per row. Every row of a file has the same length (the run's d or k).
 */
final class VectorWriteSupport extends WriteSupport<VectorRow> {
  private final String name;
  private final boolean floats;
  private RecordConsumer out;

  VectorWriteSupport(String name, boolean floats) {
    this.name = name;
    this.floats = floats;
  }

  static MessageType schema(String name, boolean floats) {
    return Types.buildMessage()
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id")
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("label")
        .requiredList().requiredElement(floats ? PrimitiveTypeName.FLOAT : PrimitiveTypeName.DOUBLE).named("vector")
        .named(name);
  }

  @Override
  public WriteContext init(Configuration conf) {
    return new WriteContext(schema(name, floats), Map.of("fruits.writer", "io.fruits.mapreduce.ProjectionJob"));
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(VectorRow row) {
    out.startMessage();
    string(0, "id", row.id());
    string(1, "label", row.label());
    out.startField("vector", 2);
    out.startGroup();
    if (row.values().length > 0) {
      out.startField("list", 0);
      for (double v : row.values()) {
        out.startGroup();
        out.startField("element", 0);
        if (floats) {
          out.addFloat((float) v);
        } else {
          out.addDouble(v);
        }
        out.endField("element", 0);
        out.endGroup();
      }
      out.endField("list", 0);
    }
    out.endGroup();
    out.endField("vector", 2);
    out.endMessage();
  }

  private void string(int index, String field, String value) {
    out.startField(field, index);
    out.addBinary(Binary.fromString(value));
    out.endField(field, index);
  }
}
