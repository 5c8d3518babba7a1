package io.fruits.features;

import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One loaded model per JVM and configuration. Map tasks that share a JVM (the local job runner,
 * JVM reuse, Spark executors) share the engine session instead of loading the weights per task;
 * the models live as long as the JVM.
 */
final class LoadedModels {
  private static final Map<String, ZooModel<ImageBatch, float[][]>> MODELS = new ConcurrentHashMap<>();

  static {
    // DJL must never reach for its model zoo or engine downloads: everything is local here.
    System.setProperty("ai.djl.offline", "true");
    // With the TensorFlow engine on the class path, DJL would make it the default engine and ONNX
    // Runtime's "alternative" for NDArray operations, loading TensorFlow's 630 MB native library
    // into every ONNX run (and failing where it is absent, e.g. in a YARN container). Pooling is
    // plain Java here: ONNX Runtime needs no alternative, and each model names its engine.
    System.setProperty("ai.djl.onnx.disable_alternative", "true");
    System.setProperty("ai.djl.default_engine", "OnnxRuntime");
    // No shutdown hook closes them: a hook runs while task threads are still inside a session
    // (Ctrl-C, YARN's SIGTERM to a container), and closing a session in use crashed the JVM in
    // ONNX Runtime with SIGSEGV and an hs_err file in the working folder, every time it was tried.
    // At exit the process's native memory goes back to the system anyway.
  }

  private LoadedModels() {}

  static ZooModel<ImageBatch, float[][]> get(ModelDescriptor d, Path file, int threads) throws IOException {
    Map<String, String> what = new java.util.TreeMap<>(d.toMap());
    // Where the file was found is not part of the identity: the driver's probe and the tasks
    // of the local job runner must share one session.
    for (ModelKey k : ModelKey.values()) {
      if (k.locatesFile() || k == ModelKey.FILE) {
        what.remove(k.key());
      }
    }
    String key = file.toAbsolutePath().normalize() + "|" + threads + "|" + what;
    return MODELS.computeIfAbsent(key, k -> load(d, file, threads));
  }

  private static ZooModel<ImageBatch, float[][]> load(ModelDescriptor d, Path file, int threads) {
    try {
      Criteria.Builder<ImageBatch, float[][]> criteria = Criteria.builder()
          .setTypes(ImageBatch.class, float[][].class)
          .optModelPath(file)
          .optEngine(d.engine())
          .optTranslator(new FeatureTranslator(d));
      // Either engine: one intra-op pool sized by the caller, operations one at a time.
      if (d.tensorFlow()) {
        criteria.optOption("ConfigProto", TensorFlowSessionConfig.threads(threads, 1));
      } else {
        if (d.exactInt8()) {
          criteria.optOptions(ExactInt8.options()); // first: the two below go into the same options
        }
        criteria.optOption("interOpNumThreads", "1").optOption("intraOpNumThreads", Integer.toString(threads));
      }
      ZooModel<ImageBatch, float[][]> model = criteria.build().loadModel();
      OnnxRuntimeTempDir.remove();
      return model;
    } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException | LinkageError | OrtException e) {
      // TensorFlow's native library is never downloaded (DJL is offline): say where it comes from.
      String natives = d.tensorFlow()
          ? "; the TensorFlow engine needs " + ModelDescriptor.TENSORFLOW_LIBRARY_PATH + " to name the folder of libjnitensorflow.so"
          : "";
      throw new IllegalArgumentException("model " + file + " cannot be loaded by the " + d.engine() + " engine ("
          + oneLine(e) + "); check -Dmodel.path and -Dmodel.engine" + natives, e);
    }
  }

  private static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return m.replace('\n', ' ').replace('\r', ' ');
  }
}
