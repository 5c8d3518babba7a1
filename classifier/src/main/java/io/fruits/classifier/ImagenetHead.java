package io.fruits.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The last layer of a whole ImageNet classifier, applied to the vectors a feature run already has:
 * when the classifier ends in global average pooling of the feature model's output, then one
 * matrix product and a bias (MobileNetV2), its 1000 logits are that layer of the run's vector, and
 * the {@link ProduceScore} of a photo needs no second pass through the CNN. Read from the classifier's
 * own file, dequantized when the layer is int8 ({@code QLinearMatMul}, {@code QLinearAdd}); the
 * pooled vector is used as computed, not rounded to 8 bits as the int8 file does, so the logits
 * differ from the file's own by that rounding (MobileNetV2 int8, 1,604 shop photos: produce scores
 * within 0.003 of the full model's in the median, the threshold 95% reach 0.0545 against 0.0537).
 * Any other ending fails with one line: such a model needs a run of its own ({@code --imagenet}).
 * Given the feature model's file too ({@link #read(Path, Path, String)}, as {@code predict} has it),
 * the layer that makes the pooled map must be the feature model's own, weights and all: another
 * network whose tensors are named alike would otherwise give wrong scores silently.
 */
public final class ImagenetHead {
  private static final Set<String> RESHAPES = Set.of("Reshape", "Flatten", "Squeeze");
  private final float[] weights; // inputs x classes, row by row
  private final float[] bias;
  private final int inputs;

  private ImagenetHead(float[] weights, float[] bias) {
    this.weights = weights;
    this.bias = bias;
    this.inputs = weights.length / bias.length;
  }

  /**
   * The head of the classifier in {@code model}, checked to start from {@code featureOutput}, the
   * output of the feature model whose average-pooled vectors it will take.
   */
  public static ImagenetHead read(Path model, String featureOutput) throws IOException {
    return read(OnnxGraph.read(model), model, featureOutput, null);
  }

  /**
   * As {@link #read(Path, String)}, and checked to pool the map that {@code featureModel} itself makes:
   * the layer that computes it in the classifier is that model's, the same operator with the same weights.
   */
  public static ImagenetHead read(Path model, Path featureModel, String featureOutput) throws IOException {
    return read(OnnxGraph.read(model), model, featureOutput, featureModel);
  }

  private static ImagenetHead read(OnnxGraph g, Path model, String featureOutput, Path featureModel) throws IOException {
    if (g.outputs().size() != 1) {
      throw refused(model, "it has " + g.outputs().size() + " outputs, not one");
    }
    OnnxGraph.Node n = g.producer(g.outputs().get(0));
    if (n != null && n.op().equals("DequantizeLinear")) {
      n = g.producer(n.inputs().get(0));
    }
    if (n == null || !n.op().equals("QLinearAdd")) {
      throw refused(model, "its output is not made by an int8 bias addition (QLinearAdd)");
    }
    // QLinearAdd(a, a_scale, a_zero, b, b_scale, b_zero, y_scale, y_zero): one side is the bias, the other the product.
    boolean biasSecond = g.constant(n.inputs().get(3)) != null;
    float[] bias = dequantized(g, n.inputs(), biasSecond ? 3 : 0);
    OnnxGraph.Node product = g.producer(n.inputs().get(biasSecond ? 0 : 3));
    if (product == null || !product.op().equals("QLinearMatMul") || g.constant(product.inputs().get(3)) == null) {
      throw refused(model, "the bias is not added to a product with constant weights (QLinearMatMul)");
    }
    OnnxGraph.Tensor w = g.constant(product.inputs().get(3));
    if (w.dims().length != 2 || w.dims()[1] != bias.length) {
      throw refused(model, "its weights are not a matrix of " + bias.length + " columns");
    }
    float[] weights = dequantized(g, product.inputs(), 3);
    OnnxGraph.Node pool = g.producer(product.inputs().get(0));
    while (pool != null && RESHAPES.contains(pool.op())) {
      pool = g.producer(pool.inputs().get(0));
    }
    if (pool == null || !List.of("QLinearGlobalAveragePool", "GlobalAveragePool").contains(pool.op())) {
      throw refused(model, "the product is not taken of a global average pooling");
    }
    String pooled = pool.inputs().get(0);
    OnnxGraph.Node feature = g.producer(featureOutput);
    boolean same = pooled.equals(featureOutput)
        || feature != null && feature.op().equals("DequantizeLinear") && feature.inputs().get(0).equals(pooled);
    if (!same) {
      throw refused(model, "it pools " + pooled + ", not the feature model's output " + featureOutput);
    }
    if (featureModel != null) {
      OnnxGraph features = OnnxGraph.read(featureModel);
      OnnxGraph.Node mine = g.maker(pooled);
      OnnxGraph.Node theirs = features.maker(featureOutput);
      if (mine == null || theirs == null || !g.sameLayer(mine, features, theirs)) {
        throw refused(model, "the layer that makes the map it pools is not the one in " + featureModel.getFileName()
            + ": another network's weights");
      }
    }
    return new ImagenetHead(weights, bias);
  }

  private static IllegalArgumentException refused(Path model, String why) {
    return new IllegalArgumentException(model.getFileName() + " cannot be applied to the run's vectors (" + why
        + "); run the photos through it instead and give that run as --imagenet");
  }

  /**
   * The real values of the quantized constant at {@code at} in {@code inputs}, whose scale and zero
   * point follow it; both one value or one per column (the last dimension: a weight matrix's outputs).
   */
  private static float[] dequantized(OnnxGraph g, List<String> inputs, int at) {
    OnnxGraph.Tensor q = g.constant(inputs.get(at));
    OnnxGraph.Tensor scale = g.constant(inputs.get(at + 1));
    OnnxGraph.Tensor zero = g.constant(inputs.get(at + 2));
    if (q == null || scale == null || zero == null) {
      throw new IllegalArgumentException(inputs.get(at) + " is not a constant with a constant scale and zero point");
    }
    long[] dims = q.dims();
    int columns = dims.length == 0 ? 1 : (int) dims[dims.length - 1];
    double[] values = q.values();
    double[] scales = scale.values();
    double[] zeros = zero.values();
    for (double[] perColumn : List.of(scales, zeros)) {
      if (perColumn.length != 1 && perColumn.length != columns) {
        throw new IllegalArgumentException(inputs.get(at) + " is quantized by neither one scale nor one per column");
      }
    }
    float[] out = new float[values.length];
    for (int i = 0; i < out.length; i++) {
      int column = i % columns;
      double s = scales.length == 1 ? scales[0] : scales[column];
      double z = zeros.length == 1 ? zeros[0] : zeros[column];
      out[i] = (float) ((values[i] - z) * s);
    }
    return out;
  }

  /** How many values of a vector the layer takes: the first ones, the CNN's (a colour histogram may follow them). */
  public int inputs() {
    return inputs;
  }

  /**
   * This layer on vectors standardised with {@code mean} and {@code std} (a run's scaler, whose rows
   * classify and predict already hold): weights times each value's deviation, the bias plus the
   * weights times the mean. A value of zero deviation is standardised to 0, so its mean stands in.
   */
  public ImagenetHead onStandardised(double[] mean, double[] std) {
    if (mean.length < inputs || std.length < inputs) {
      throw new IllegalArgumentException("the ImageNet layer takes " + inputs + " values, the run's vectors have " + mean.length);
    }
    int classes = bias.length;
    float[] w = new float[weights.length];
    double[] b = new double[classes];
    for (int c = 0; c < classes; c++) {
      b[c] = bias[c];
    }
    for (int k = 0; k < inputs; k++) {
      for (int c = 0; c < classes; c++) {
        w[k * classes + c] = (float) (weights[k * classes + c] * std[k]);
        b[c] += weights[k * classes + c] * mean[k];
      }
    }
    float[] shifted = new float[classes];
    for (int c = 0; c < classes; c++) {
      shifted[c] = (float) b[c];
    }
    return new ImagenetHead(w, shifted);
  }

  /** The classifier's logits for a vector: its first {@link #inputs()} values are taken. */
  public float[] logits(double[] vector) {
    if (vector.length < inputs) {
      throw new IllegalArgumentException("the ImageNet layer takes " + inputs + " values, the vector has " + vector.length);
    }
    float[] out = bias.clone();
    for (int k = 0; k < inputs; k++) {
      float x = (float) vector[k];
      int row = k * out.length;
      for (int c = 0; c < out.length; c++) {
        out[c] += x * weights[row + c];
      }
    }
    return out;
  }

  /** The {@link ProduceScore} of a vector. */
  public double produce(double[] vector) {
    return ProduceScore.of(logits(vector));
  }
}
