package io.fruits.mapreduce;

import java.io.IOException;
import java.util.SortedMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;

/** Writes vectors as the feature job does: id order, {@code files} part files of consecutive ids. */
final class VectorFiles {
  private VectorFiles() {}

  static Path write(Path dir, SortedMap<String, float[]> vectors, int files) throws IOException {
    Configuration conf = new Configuration();
    int perFile = (vectors.size() + files - 1) / files;
    int i = 0;
    SequenceFile.Writer w = null;
    for (var e : vectors.entrySet()) {
      if (i % perFile == 0) {
        if (w != null) {
          w.close();
        }
        w = SequenceFile.createWriter(conf, SequenceFile.Writer.file(new Path(dir, String.format("part-m-%05d", i / perFile))),
            SequenceFile.Writer.keyClass(Text.class), SequenceFile.Writer.valueClass(FeatureVectorWritable.class));
      }
      w.append(new Text(e.getKey()), new FeatureVectorWritable("x", e.getValue()));
      i++;
    }
    if (w != null) {
      w.close();
    }
    return dir;
  }
}
