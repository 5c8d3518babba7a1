package io.fruits.mapreduce;

import io.fruits.core.FruitsConfigKeys;
import io.fruits.features.ModelDescriptor;
import io.fruits.features.ModelKey;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;

/**
 * Carries the resolved model descriptor and the model file from the driver to the map tasks. The descriptor
 * travels as its {@code model.*} keys in the job configuration. The file travels through the
 * distributed cache on a cluster (uploaded with the job like {@code -files}, localised next to each
 * task as {@value #LINK}); the local job runner reads it where it is, since its tasks share the
 * client's disk and a cache symlink would land in the user's working folder.
 */
public final class ModelShipping {
  static final String LINK = "fruits-model";

  private ModelShipping() {}

  /** Writes the resolved descriptor into the job and ships {@code modelFile} to its tasks. */
  public static void ship(Job job, ModelDescriptor d, Path modelFile) {
    Configuration conf = job.getConfiguration();
    d.toMap().forEach(conf::set);
    conf.set(ModelKey.PATH.key(), modelFile.toAbsolutePath().toString());
    if (JobRunner.isLocalRunner(conf)) {
      conf.set(FruitsConfigKeys.MODEL_LOCALIZED.key(), "");
      return;
    }
    String uri = modelFile.toAbsolutePath().toUri() + "#" + LINK;
    String files = conf.get("tmpfiles", "");
    conf.set("tmpfiles", files.isEmpty() ? uri : files + "," + uri);
    conf.set(FruitsConfigKeys.MODEL_LOCALIZED.key(), LINK);
  }

  /** The model file as a task sees it. */
  public static Path taskModelFile(Configuration conf) {
    String link = FruitsConfigKeys.MODEL_LOCALIZED.get(conf);
    return link.isEmpty() ? Paths.get(conf.get(ModelKey.PATH.key())) : Paths.get(link).toAbsolutePath();
  }
}
