package io.fruits.features;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Turns a descriptor's model reference into a local, verified file (or SavedModel folder). Order: {@code model.path};
 * {@code model.file} in {@code model.dir}; {@code model.file} in the cache; a checked download of
 * {@code model.url} into the cache. Anything else fails with one line saying what to set.
 */
public final class ModelLocator {
  /**
   * A folder of ready model files used when {@code model.dir} is not set: the launcher points it at
   * the shared models, so no program's arguments need rewriting.
   */
  public static final String MODEL_DIR_ENV = "FRUITS_MODEL_DIR";

  /** The file that makes a folder a TensorFlow SavedModel. */
  public static final String SAVED_MODEL = "saved_model.pb";

  private final ModelDownloader downloader;

  public ModelLocator() {
    this(new ModelDownloader());
  }

  public ModelLocator(ModelDownloader downloader) {
    this.downloader = downloader;
  }

  /** The default cache: {@code ~/.cache/fruits/models}, as Keras uses {@code ~/.keras/models}. */
  public static Path defaultCache() {
    return Paths.get(System.getProperty("user.home"), ".cache", "fruits", "models");
  }

  /** The local model file for this descriptor, checked against {@code model.sha256} when given. */
  public Path locate(ModelDescriptor d) throws IOException {
    String sha = d.get(ModelKey.SHA256);
    String path = d.get(ModelKey.PATH);
    if (!path.isEmpty()) {
      Path p = path.startsWith("file:") ? Paths.get(URI.create(path)) : Paths.get(path);
      return verified(requireModel(p, ModelKey.PATH), sha);
    }
    String file = d.get(ModelKey.FILE);
    if (file.isEmpty()) {
      throw new IllegalArgumentException("no model given; use --model PRESET|DESCRIPTOR or -D" + ModelKey.PATH.key() + "=FILE");
    }
    String dir = d.get(ModelKey.DIR);
    if (dir.isEmpty()) {
      dir = System.getenv().getOrDefault(MODEL_DIR_ENV, "");
    }
    if (!dir.isEmpty() && isModel(Paths.get(dir, file))) {
      return verified(Paths.get(dir, file), sha);
    }
    String cacheDir = d.get(ModelKey.CACHE_DIR);
    Path cached = (cacheDir.isEmpty() ? defaultCache() : Paths.get(cacheDir)).resolve(file);
    if (isModel(cached)) {
      return verified(cached, sha);
    }
    String url = d.get(ModelKey.URL);
    if (url.isEmpty()) {
      throw new IllegalArgumentException(
          "model file " + file + " is in neither " + (dir.isEmpty() ? "model.dir (unset)" : dir) + " nor " + cached.getParent()
              + "; set -D" + ModelKey.PATH.key() + "=FILE, -D" + ModelKey.DIR.key() + "=FOLDER or -D" + ModelKey.URL.key()
              + "=URL with -D" + ModelKey.SHA256.key() + "=HEX");
    }
    return downloader.fetch(URI.create(url), sha, cached);
  }

  /** A model file (ONNX), or a TensorFlow SavedModel: a folder holding {@value #SAVED_MODEL}. */
  public static boolean isModel(Path p) {
    return Files.isRegularFile(p) || isSavedModel(p);
  }

  private static boolean isSavedModel(Path p) {
    return Files.isRegularFile(p.resolve(SAVED_MODEL));
  }

  private static Path requireModel(Path p, ModelKey key) {
    if (Files.isDirectory(p) && !isSavedModel(p)) {
      throw new IllegalArgumentException("model folder " + p + " holds no " + SAVED_MODEL + "; check -D" + key.key());
    }
    if (!isModel(p)) {
      throw new IllegalArgumentException("model file " + p + " does not exist; check -D" + key.key());
    }
    return p;
  }

  private static Path verified(Path p, String sha) throws IOException {
    if (!sha.isEmpty()) {
      String actual = Sha256.of(p);
      if (!actual.equalsIgnoreCase(sha)) {
        throw new IllegalArgumentException(
            "model file " + p + " has SHA-256 " + actual + ", not the expected " + sha + "; replace the file or fix " + ModelKey.SHA256.key());
      }
    }
    return p;
  }
}
