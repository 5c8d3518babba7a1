package io.fruits.features;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.Map;

/**
 * ONNX Runtime's own switch for int8 models that compute the same on every processor. It multiplies
 * uint8 activations by int8 weights on SSE4.1, AVX2 and AVX-512 without VNNI with an instruction
 * that adds pairs of products into 16 bits and saturates, and with VNNI in 32 bits: the shared
 * MobileNetV2 int8 gave other vectors on an AVX2 machine than on the machine of earlier days
 * (real-photos/dev top-1 0.7028 instead of 0.7417). {@code session.x64quantprecision} makes it
 * multiply weights that could overflow as uint8 by uint8, exactly, on processors without VNNI only
 * (README, "Models").
 */
final class ExactInt8 {
  private static final String CONFIG_KEY = "session.x64quantprecision";

  private ExactInt8() {}

  /** Session options with the switch on. */
  static OrtSession.SessionOptions sessionOptions() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.addConfigEntry(CONFIG_KEY, "1");
    return options;
  }

  /**
   * DJL's options for loading a model with those session options: DJL reads its ONNX Runtime
   * options from a map of strings, except "sessionOptions", which it takes as the object itself
   * (DJL 0.36's OrtModel), and sets the thread counts given beside it on that object.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Map<String, String> options() throws OrtException {
    Map<String, Object> options = new HashMap<>();
    options.put("sessionOptions", sessionOptions());
    return (Map) options;
  }
}
