package io.fruits.mapreduce;

import io.fruits.features.ModelDescriptor;
import io.fruits.features.ModelKey;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRConfig;

/**
 * Carries the model descriptor and the model file from the driver to the tasks. The descriptor
 * travels as its {@code model.*} keys in the job configuration. The file travels through the
 * distributed cache on a cluster (uploaded with the job like {@code -files}, localised next to each
 * task as {@value #LINK}); the local job runner reads it where it is, since its tasks share the
 * client's disk and a cache symlink would land in the user's working folder.
 */
public final class ModelConf {
  static final String LINK = "fruits-model";

  private ModelConf() {}

  /** The descriptor from a configuration's {@code model.*} keys. */
  public static ModelDescriptor descriptor(Configuration conf) {
    Map<String, String> keys = new TreeMap<>();
    for (Map.Entry<String, String> e : conf.getPropsWithPrefix("model.").entrySet()) {
      keys.put("model." + e.getKey(), e.getValue());
    }
    return ModelDescriptor.of(keys);
  }

  /** Writes the resolved descriptor into the job and ships {@code modelFile} to its tasks. */
  public static void ship(Job job, ModelDescriptor d, Path modelFile) {
    Configuration conf = job.getConfiguration();
    d.toMap().forEach(conf::set);
    conf.set(ModelKey.PATH.key(), modelFile.toAbsolutePath().toString());
    if (isLocal(conf)) {
      conf.set(FruitsConfigKeys.MODEL_LOCALIZED.key(), "");
      return;
    }
    String uri = modelFile.toAbsolutePath().toUri() + "#" + LINK;
    String files = conf.get("tmpfiles", "");
    conf.set("tmpfiles", files.isEmpty() ? uri : files + "," + uri);
    conf.set(FruitsConfigKeys.MODEL_LOCALIZED.key(), LINK);
  }

  /**
   * A descriptor whose {@code model.path} is local: a model on HDFS or S3 is copied into the
   * local model cache first (the engines read local files only), then shipped to the tasks.
   */
  public static ModelDescriptor localized(Configuration conf, ModelDescriptor d) throws java.io.IOException {
    String path = d.get(ModelKey.PATH);
    if (path.isEmpty() || path.startsWith("file:") || !path.contains("://")) {
      return d;
    }
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(path);
    String cacheDir = d.get(ModelKey.CACHE_DIR);
    Path cache = cacheDir.isEmpty() ? io.fruits.features.ModelLocator.defaultCache() : Paths.get(cacheDir);
    Path local = cache.resolve("remote").resolve(Integer.toHexString(path.hashCode())).resolve(remote.getName());
    if (!java.nio.file.Files.isRegularFile(local)) {
      java.nio.file.Files.createDirectories(local.getParent());
      Path part = local.resolveSibling(local.getFileName() + ".part");
      remote.getFileSystem(conf).copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(part.toUri()), true);
      java.nio.file.Files.move(part, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return d.with(ModelKey.PATH, local.toString());
  }

  /** The model file as a task sees it. */
  public static Path taskModelFile(Configuration conf) {
    String link = FruitsConfigKeys.MODEL_LOCALIZED.get(conf);
    return link.isEmpty() ? Paths.get(conf.get(ModelKey.PATH.key())) : Paths.get(link).toAbsolutePath();
  }

  public static boolean isLocal(Configuration conf) {
    return MRConfig.LOCAL_FRAMEWORK_NAME.equals(conf.get(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME));
  }
}
