package io.fruits.mapreduce;

import io.fruits.core.FruitsConfigKeys;
import io.fruits.features.ModelDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;

/**
 * TensorFlow's native library for the map tasks of a cluster job. DJL never downloads it here (it
 * runs offline), so a task finds it through {@value #ENV}: either the archive named by
 * {@code -Dtensorflow.natives} (the Maven jar tensorflow-core-native-*-linux-x86_64.jar will do) is
 * shipped like {@code -archives} and the variable points into its unpacked copy, or the driver's
 * own {@value #ENV} is passed on, for nodes that have the library at the same path (an EMR
 * bootstrap action, a shared disk).
 */
final class TensorFlowNatives {
  static final String ENV = ModelDescriptor.TENSORFLOW_LIBRARY_PATH;
  static final String LINK = "tensorflow-native";
  private static final String LIBRARY = "libjnitensorflow.so";

  private TensorFlowNatives() {}

  static void ship(Configuration conf) throws IOException {
    String archive = FruitsConfigKeys.TENSORFLOW_NATIVES.get(conf);
    String path;
    if (!archive.isEmpty()) {
      Path file = Paths.get(archive).toAbsolutePath();
      path = LINK + "/" + folderOfLibrary(file);
      ModelShipping.addCacheEntry(conf, "tmparchives", file.toUri() + "#" + LINK);
    } else {
      path = System.getenv(ENV);
      if (path == null || path.isEmpty()) {
        throw new IllegalArgumentException("the TensorFlow engine on a cluster needs its native library: give -D"
            + FruitsConfigKeys.TENSORFLOW_NATIVES.key() + "=JAR (tensorflow-core-native-*-linux-x86_64.jar) or set " + ENV
            + " to a folder every node has");
      }
    }
    String env = conf.get(MRJobConfig.MAP_ENV, "");
    conf.set(MRJobConfig.MAP_ENV, (env.isEmpty() ? "" : env + ",") + ENV + "=" + path);
  }

  /** The folder inside the archive that holds the JNI library, read from the zip's directory. */
  static String folderOfLibrary(Path archive) throws IOException {
    if (!Files.isRegularFile(archive)) {
      throw new IllegalArgumentException(FruitsConfigKeys.TENSORFLOW_NATIVES.key() + "=" + archive + " is not a local file; give the jar or zip that holds " + LIBRARY);
    }
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      return zip.stream()
          .map(ZipEntry::getName)
          .filter(n -> n.equals(LIBRARY) || n.endsWith("/" + LIBRARY))
          .map(n -> n.contains("/") ? n.substring(0, n.lastIndexOf('/')) : ".")
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(
              FruitsConfigKeys.TENSORFLOW_NATIVES.key() + "=" + archive + " holds no " + LIBRARY + "; give the jar tensorflow-core-native-*-linux-x86_64.jar"));
    } catch (java.util.zip.ZipException e) {
      throw new IllegalArgumentException(FruitsConfigKeys.TENSORFLOW_NATIVES.key() + "=" + archive + " is not a jar or zip file");
    }
  }
}
