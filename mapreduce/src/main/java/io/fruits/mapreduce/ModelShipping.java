package io.fruits.mapreduce;

import io.fruits.core.FruitsConfigKeys;
import io.fruits.features.ModelDescriptor;
import io.fruits.features.ModelKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;

/**
 * Carries the resolved model descriptor and the model from the driver to the map tasks. The descriptor
 * travels as its {@code model.*} keys in the job configuration. The model travels through the
 * distributed cache on a cluster, localised next to each task as {@value #LINK}: a model file like
 * {@code -files}, a SavedModel folder like {@code -archives} (zipped here, unpacked by the node).
 * The local job runner reads it where it is, since its tasks share the client's disk and a cache
 * symlink would land in the user's working folder.
 */
public final class ModelShipping {
  static final String LINK = "fruits-model";

  private ModelShipping() {}

  /** Writes the resolved descriptor into the job and ships {@code model} (a file or a SavedModel folder) to its tasks. */
  public static void ship(Job job, ModelDescriptor d, Path model) throws IOException {
    Configuration conf = job.getConfiguration();
    d.toMap().forEach(conf::set);
    conf.set(ModelKey.PATH.key(), model.toAbsolutePath().toString());
    if (JobRunner.isLocalRunner(conf)) {
      conf.set(FruitsConfigKeys.MODEL_LOCALIZED.key(), "");
      return;
    }
    if (Files.isDirectory(model)) {
      addCacheEntry(conf, "tmparchives", FolderArchive.zip(model).toUri() + "#" + LINK);
    } else {
      addCacheEntry(conf, "tmpfiles", model.toAbsolutePath().toUri() + "#" + LINK);
    }
    conf.set(FruitsConfigKeys.MODEL_LOCALIZED.key(), LINK);
    if (d.tensorFlow()) {
      TensorFlowNatives.ship(conf);
    }
  }

  /** Adds one URI to a distributed-cache list as {@code -files} and {@code -archives} do. */
  static void addCacheEntry(Configuration conf, String list, String uri) {
    String entries = conf.get(list, "");
    conf.set(list, entries.isEmpty() ? uri : entries + "," + uri);
  }

  /** The model file (or unpacked SavedModel folder) as a task sees it. */
  public static Path taskModelFile(Configuration conf) {
    String link = FruitsConfigKeys.MODEL_LOCALIZED.get(conf);
    return link.isEmpty() ? Paths.get(conf.get(ModelKey.PATH.key())) : Paths.get(link).toAbsolutePath();
  }
}
