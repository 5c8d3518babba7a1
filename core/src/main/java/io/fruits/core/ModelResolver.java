package io.fruits.core;

import io.fruits.features.ModelDescriptor;
import io.fruits.features.ModelKey;
import io.fruits.features.ModelLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * From {@code --model} and the {@code -D model.*} keys to a descriptor and a local model file, the
 * same way in both editions: a preset or a descriptor file with the keys on top; then the file at
 * {@code model.path} (a local path, or an HDFS/S3 URI copied into the local cache first, since the
 * engines read local files only), in {@code model.dir}, in the cache, or downloaded from
 * {@code model.url} ({@link ModelLocator}), checked against its checksum.
 */
public final class ModelResolver {
  /** What a run uses: the descriptor, with a local {@code model.path} where there was a remote one, and the file. */
  public record Resolved(ModelDescriptor descriptor, Path file) {}

  private ModelResolver() {}

  /** The local file of {@code d}, fetched or downloaded when needed. */
  public static Resolved resolve(ModelDescriptor d, Configuration conf) throws IOException {
    ModelDescriptor local = localized(conf, d);
    return new Resolved(local, new ModelLocator().locate(local));
  }

  /** A preset name or a descriptor file, then every {@code -D model.*} key on top. */
  public static ModelDescriptor descriptor(String model, Configuration conf) throws IOException {
    return ModelDescriptor.forModel(model, modelKeys(conf));
  }

  /** The descriptor written into a job configuration as its {@code model.*} keys. */
  public static ModelDescriptor fromKeys(Configuration conf) {
    return ModelDescriptor.of(modelKeys(conf));
  }

  private static Map<String, String> modelKeys(Configuration conf) {
    Map<String, String> keys = new TreeMap<>();
    conf.getPropsWithPrefix("model.").forEach((name, value) -> keys.put("model." + name, value));
    return keys;
  }

  /** A descriptor whose {@code model.path} is local: a model on HDFS or S3 is copied into the local cache once. */
  static ModelDescriptor localized(Configuration conf, ModelDescriptor d) throws IOException {
    String path = d.get(ModelKey.PATH);
    if (path.isEmpty() || path.startsWith("file:") || !path.contains("://")) {
      return d;
    }
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(path);
    String cacheDir = d.get(ModelKey.CACHE_DIR);
    Path cache = cacheDir.isEmpty() ? ModelLocator.defaultCache() : Paths.get(cacheDir);
    Path local = cache.resolve("remote").resolve(Integer.toHexString(path.hashCode())).resolve(remote.getName());
    // A SavedModel is a folder: copyToLocalFile copies a folder as well as a file.
    if (!ModelLocator.isModel(local)) {
      Files.createDirectories(local.getParent());
      Path part = local.resolveSibling(local.getFileName() + ".part");
      org.apache.hadoop.fs.Path partPath = new org.apache.hadoop.fs.Path(part.toUri());
      org.apache.hadoop.fs.FileSystem.getLocal(conf).delete(partPath, true); // a folder left by a failed copy
      remote.getFileSystem(conf).copyToLocalFile(false, remote, partPath, true);
      Files.move(part, local, StandardCopyOption.REPLACE_EXISTING);
    }
    return d.with(ModelKey.PATH, local.toString());
  }
}
