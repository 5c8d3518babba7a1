package io.fruits.core;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** A {@link RunFolder} on any Hadoop filesystem (local, HDFS, S3A), written through {@link AtomicFile}. */
public final class HadoopRunFolder implements RunFolder {
  private final Configuration conf;
  private final RunLayout layout;

  public HadoopRunFolder(Configuration conf, RunLayout layout) {
    this.conf = conf;
    this.layout = layout;
  }

  @Override
  public boolean exists(String name) throws IOException {
    Path p = new Path(layout.root(), name);
    return p.getFileSystem(conf).exists(p);
  }

  @Override
  public Reader open(String name) throws IOException {
    Path p = new Path(layout.root(), name);
    return new InputStreamReader(p.getFileSystem(conf).open(p), StandardCharsets.UTF_8);
  }

  @Override
  public void write(String name, String text) throws IOException {
    AtomicFile.write(conf, new Path(layout.root(), name), text);
  }

  @Override
  public String display() {
    return RunLayout.display(layout.root());
  }
}
