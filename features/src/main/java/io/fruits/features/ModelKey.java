package io.fruits.features;

/**
 * Every key of a model descriptor, with its description and default. Descriptors are flat
 * {@code key=value} maps, so the same keys work in a properties file, a preset and as Hadoop
 * {@code -D} options; help text is generated from this enum.
 */
public enum ModelKey {
  PRESET("model.preset", "", "built-in descriptor to start from: vgg16, squeezenet1.1, mobilenetv2, squeezenet1.1-imagenet, mobilenetv2-imagenet"),
  PATH("model.path", "", "model file (or TensorFlow SavedModel folder), local path or any Hadoop URI; wins over model.file"),
  FILE("model.file", "", "model file name looked up in model.dir, then in model.cache.dir"),
  URL("model.url", "", "where to download model.file from when it is in neither folder"),
  SHA256("model.sha256", "", "expected SHA-256 of the model file (of a SavedModel folder: its files, as run.properties records it); checked on download and load"),
  DIR("model.dir", "", "folder holding ready model files (e.g. ../shared/models)"),
  CACHE_DIR("model.cache.dir", "", "download cache; default ~/.cache/fruits/models"),
  ENGINE("model.engine", "OnnxRuntime", "DJL engine: OnnxRuntime (default) or TensorFlow"),
  INPUT_NAME("model.input.name", "", "name of the model's image input (empty: the first)"),
  INPUT_LAYOUT("model.input.layout", "NCHW", "tensor layout of the input: NCHW or NHWC"),
  INPUT_WIDTH("model.input.width", "224", "width the image is resized to"),
  INPUT_HEIGHT("model.input.height", "224", "height the image is resized to"),
  RESIZE("model.resize", "stretch", "stretch (whole image, aspect not kept) or crop (centre crop)"),
  COLOR("model.color", "RGB", "channel order the model expects: RGB or BGR"),
  SCALE("model.scale", "1", "factor applied to 0..255 pixel values before mean and std"),
  MEAN("model.mean", "0,0,0", "per-channel mean subtracted after scaling, in model.color order"),
  STD("model.std", "1,1,1", "per-channel divisor applied after the mean, in model.color order"),
  OUTPUT_NAME("model.output.name", "", "name of the feature-map output (empty: the first)"),
  OUTPUT_LAYOUT("model.output.layout", "NCHW", "layout of a 4-d feature map: NCHW or NHWC"),
  POOLING("model.pooling", "max", "max, avg or flatten over the feature map's spatial cells"),
  HISTOGRAM("model.histogram", "none", "none, or hsv: append a colour histogram of the resized image (58 values) to each vector"),
  INT8("model.int8", "exact", "exact: an int8 ONNX model gives the same vectors on every processor (ONNX Runtime's session.x64quantprecision); fast: ONNX Runtime's default, which saturates on AVX2 without VNNI");

  private final String key;
  private final String defaultValue;
  private final String description;

  ModelKey(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /**
   * Whether this key says where the model file is found, not what it computes: the file's checksum
   * says which file it is, so what a run saves, the sessions it shares and the photo runs it accepts
   * leave these out.
   */
  public boolean locatesFile() {
    return this == PATH || this == DIR || this == CACHE_DIR || this == URL;
  }
}
