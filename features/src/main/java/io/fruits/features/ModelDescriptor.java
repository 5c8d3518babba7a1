package io.fruits.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a CNN needs around it: where the model file is, which engine runs it, how pixels become
 * its input tensor and how its output becomes one vector. Immutable; built from a flat map of
 * {@link ModelKey} values, so a preset, a properties file and {@code -D} options compose by
 * overriding keys in that order. Serializable, so that Spark tasks take it as it is.
 */
public final class ModelDescriptor implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final String PRESET_FOLDER = "presets/";
  /** The engine of Keras SavedModels (NHWC layouts). */
  public static final String TENSORFLOW = "TensorFlow";
  /** Where that engine finds TensorFlow's native library (environment or system property); DJL never downloads it here. */
  public static final String TENSORFLOW_LIBRARY_PATH = "TENSORFLOW_LIBRARY_PATH";

  private final Map<String, String> values;
  private final String engine;
  private final String inputName;
  private final boolean inputChannelsLast;
  private final int width;
  private final int height;
  private final boolean crop;
  private final boolean bgr;
  private final float scale;
  private final float[] mean;
  private final float[] std;
  private final String outputName;
  private final boolean outputChannelsLast;
  private final Pooling pooling;
  private final boolean histogram;
  private final boolean exactInt8;

  private ModelDescriptor(Map<String, String> values) {
    this.values = values;
    this.engine = get(ModelKey.ENGINE);
    this.inputName = get(ModelKey.INPUT_NAME);
    this.inputChannelsLast = channelsLast(ModelKey.INPUT_LAYOUT);
    this.width = positive(ModelKey.INPUT_WIDTH);
    this.height = positive(ModelKey.INPUT_HEIGHT);
    this.crop = choice(ModelKey.RESIZE, "stretch", "crop").equals("crop");
    this.bgr = choice(ModelKey.COLOR, "RGB", "BGR").equals("BGR");
    this.scale = (float) number(ModelKey.SCALE, get(ModelKey.SCALE));
    this.mean = triple(ModelKey.MEAN);
    this.std = triple(ModelKey.STD);
    for (float s : std) {
      if (s == 0f) {
        throw new IllegalArgumentException(ModelKey.STD.key() + " must not contain 0");
      }
    }
    this.outputName = get(ModelKey.OUTPUT_NAME);
    this.outputChannelsLast = channelsLast(ModelKey.OUTPUT_LAYOUT);
    this.pooling = Pooling.parse(get(ModelKey.POOLING));
    this.histogram = choice(ModelKey.HISTOGRAM, "none", "hsv").equals("hsv");
    this.exactInt8 = choice(ModelKey.INT8, "exact", "fast").equals("exact");
    // Canonical spellings, so that equal descriptors have equal maps.
    values.put(ModelKey.COLOR.key(), bgr ? "BGR" : "RGB");
    values.put(ModelKey.INPUT_LAYOUT.key(), inputChannelsLast ? "NHWC" : "NCHW");
    values.put(ModelKey.OUTPUT_LAYOUT.key(), outputChannelsLast ? "NHWC" : "NCHW");
    values.put(ModelKey.RESIZE.key(), crop ? "crop" : "stretch");
    values.put(ModelKey.POOLING.key(), pooling.name().toLowerCase(Locale.ROOT));
    values.put(ModelKey.HISTOGRAM.key(), histogram ? "hsv" : "none");
    values.put(ModelKey.INT8.key(), exactInt8 ? "exact" : "fast");
  }

  /**
   * Builds a descriptor from overrides: the preset named by {@code model.preset} (if any) is read
   * first, then every other key given here replaces its value.
   */
  public static ModelDescriptor of(Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>();
    String preset = overrides.getOrDefault(ModelKey.PRESET.key(), "");
    if (!preset.isEmpty()) {
      merged.putAll(presetValues(preset));
    }
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      if (e.getKey().startsWith("model.")) {
        merged.put(e.getKey(), e.getValue().trim());
      }
    }
    return new ModelDescriptor(merged);
  }

  /** The built-in preset of that name. */
  public static ModelDescriptor preset(String name) {
    return of(Map.of(ModelKey.PRESET.key(), name));
  }

  /**
   * What {@code --model} names, a preset or a descriptor file, with {@code model.*} overrides
   * (from {@code -D} options) on top: the same rule for every edition of the pipeline.
   */
  public static ModelDescriptor forModel(String model, Map<String, String> overrides) throws IOException {
    Map<String, String> keys = new TreeMap<>();
    Path file = java.nio.file.Paths.get(model);
    if (model.endsWith(".properties") || Files.isRegularFile(file)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("model descriptor " + model + " does not exist; give a preset name or a .properties file");
      }
      keys.putAll(readProperties(file));
    } else {
      keys.put(ModelKey.PRESET.key(), model);
    }
    keys.putAll(overrides);
    return of(keys);
  }

  private static Map<String, String> presetValues(String name) {
    String resource = PRESET_FOLDER + name + ".properties";
    try (InputStream in = ModelDescriptor.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "unknown model preset '" + name + "'; use vgg16, squeezenet1.1, mobilenetv2, their -imagenet classifiers or a descriptor file");
      }
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      return asMap(p);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read preset " + resource, e);
    }
  }

  private static Map<String, String> readProperties(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return asMap(p);
  }

  private static Map<String, String> asMap(Properties p) {
    Map<String, String> m = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k).trim());
    }
    return m;
  }

  /** Every key with its effective value (defaults included), sorted: the descriptor's identity. */
  public Map<String, String> toMap() {
    Map<String, String> all = new TreeMap<>();
    for (ModelKey k : ModelKey.values()) {
      all.put(k.key(), get(k));
    }
    return all;
  }

  public String get(ModelKey key) {
    return values.getOrDefault(key.key(), key.defaultValue());
  }

  public String engine() {
    return engine;
  }

  public boolean tensorFlow() {
    return engine.equals(TENSORFLOW);
  }

  public String inputName() {
    return inputName;
  }

  public boolean inputChannelsLast() {
    return inputChannelsLast;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public boolean crop() {
    return crop;
  }

  public boolean bgr() {
    return bgr;
  }

  public float scale() {
    return scale;
  }

  public float[] mean() {
    return mean.clone();
  }

  public float[] std() {
    return std.clone();
  }

  public String outputName() {
    return outputName;
  }

  public boolean outputChannelsLast() {
    return outputChannelsLast;
  }

  public Pooling pooling() {
    return pooling;
  }

  /** Whether each vector ends with the image's {@link ColourHistogram}. */
  public boolean histogram() {
    return histogram;
  }

  /**
   * The {@code model.*} keys a run saved, read as the run was made: a run saved before
   * {@code model.int8} existed ran an int8 model ONNX Runtime's default way ({@code fast}). The one
   * rule for resuming such a run and for answering with it.
   */
  public static <M extends Map<String, String>> M asSaved(M saved) {
    saved.putIfAbsent(ModelKey.INT8.key(), "fast");
    return saved;
  }

  /** Whether an int8 ONNX model computes exactly on every processor ({@link ExactInt8}). */
  public boolean exactInt8() {
    return exactInt8;
  }

  /** Floats in one input tensor for one image. */
  public int inputSize() {
    return 3 * width * height;
  }

  /** A copy with other key values, e.g. a resolved model path. */
  public ModelDescriptor with(ModelKey key, String value) {
    Map<String, String> m = new TreeMap<>(values);
    m.put(key.key(), value);
    return new ModelDescriptor(m);
  }

  private boolean channelsLast(ModelKey key) {
    return choice(key, "NCHW", "NHWC").equals("NHWC");
  }

  private String choice(ModelKey key, String first, String second) {
    String v = get(key);
    if (v.equalsIgnoreCase(first)) {
      return first;
    }
    if (v.equalsIgnoreCase(second)) {
      return second;
    }
    throw new IllegalArgumentException(
        key.key() + " is '" + v + "'; use " + first.toLowerCase(Locale.ROOT) + " or " + second.toLowerCase(Locale.ROOT));
  }

  private int positive(ModelKey key) {
    double v = number(key, get(key));
    if (v < 1 || v != Math.rint(v) || v > 8192) {
      throw new IllegalArgumentException(key.key() + " is '" + get(key) + "'; use a whole number from 1 to 8192");
    }
    return (int) v;
  }

  private float[] triple(ModelKey key) {
    String[] parts = get(key).split(",");
    if (parts.length != 3) {
      throw new IllegalArgumentException(key.key() + " is '" + get(key) + "'; give three comma-separated numbers");
    }
    float[] out = new float[3];
    for (int i = 0; i < 3; i++) {
      out[i] = (float) number(key, parts[i]);
    }
    return out;
  }

  private static double number(ModelKey key, String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key.key() + " is '" + text + "'; give a number");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelDescriptor && ((ModelDescriptor) o).toMap().equals(toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  @Override
  public String toString() {
    return "ModelDescriptor" + toMap() + " mean=" + Arrays.toString(mean);
  }
}
