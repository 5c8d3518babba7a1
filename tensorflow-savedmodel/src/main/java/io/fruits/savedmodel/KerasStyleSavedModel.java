package io.fruits.savedmodel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Writes a SavedModel shaped as Keras exports one, with TensorFlow Java instead of Python: an NHWC
 * float input named {@code input_1} (batch size left open), the serving signature
 * {@code serving_default}, Keras' layer names, and the last pooling as the output
 * ({@code block5_pool} for VGG16). Weights are constants of the graph (a frozen model): the engine
 * runs them the same as variables, and the folder needs no checkpoint to restore.
 *
 * <p>Usage: {@code fruits savedmodel known|vgg16 OUT_DIR SIZE}. {@code known} is a two-block
 * stack with {@link KnownWeights}; {@code vgg16} the VGG16 convolutional stack with
 * {@link SeededWeights} (seed 16).
 */
public final class KerasStyleSavedModel {
  static final String INPUT = "input_1";
  static final String SIGNATURE = "serving_default";

  private KerasStyleSavedModel() {}

  public static void main(String[] args) throws IOException {
    String usage = "usage: fruits savedmodel known|vgg16 OUT_DIR SIZE (OUT_DIR a new folder, SIZE the input width and height, e.g. 224)";
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(usage); // asked for: standard output and success, as every other command's --help
      return;
    }
    if (args.length != 3 || !(args[0].equals("known") || args[0].equals("vgg16")) || !args[2].matches("[1-9][0-9]{0,3}")) {
      fail(usage);
    }
    int size = Integer.parseInt(args[2]);
    ConvStack stack = args[0].equals("known") ? ConvStack.known() : ConvStack.vgg16();
    if (size % (1 << stack.blocks().size()) != 0) {
      fail("savedmodel: SIZE must be a multiple of " + (1 << stack.blocks().size()) + " for " + args[0] + " (one halving per block)");
    }
    Weights weights = args[0].equals("known") ? new KnownWeights() : new SeededWeights(16, fanIns(stack));
    Path out = Paths.get(args[1]);
    if (Files.exists(out)) {
      fail("savedmodel: " + out + " exists; give a new folder");
    }
    write(stack, weights, size, out);
    System.out.println("wrote " + out + " (" + stack.outputName() + ")");
  }

  private static void fail(String line) {
    System.err.println(line);
    System.exit(2);
  }

  static void write(ConvStack stack, Weights weights, int size, Path out) throws IOException {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input =
          tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, size, size, 3)));
      Operand<TFloat32> x = input;
      int channels = 3;
      int layer = 0;
      for (int b = 0; b < stack.blocks().size(); b++) {
        List<Integer> convs = stack.blocks().get(b);
        for (int c = 0; c < convs.size(); c++, layer++) {
          int outChannels = convs.get(c);
          String name = "block" + (b + 1) + "_conv" + (c + 1);
          Operand<TFloat32> filter = tf.constant(Shape.of(3, 3, channels, outChannels), DataBuffers.of(filter(weights, layer, 9 * channels * outChannels)));
          Operand<TFloat32> bias = tf.constant(Shape.of(outChannels), DataBuffers.of(bias(weights, layer, outChannels)));
          x = tf.withName(name).nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, filter, List.of(1L, 1L, 1L, 1L), "SAME"), bias));
          channels = outChannels;
        }
        x = tf.withName("block" + (b + 1) + "_pool").nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
      }
      Signature signature = Signature.builder().key(SIGNATURE).input(INPUT, input).output(stack.outputName(), x).build();
      SavedModelBundle.exporter(out.toString()).withFunction(SessionFunction.create(signature, session)).export();
    }
  }

  private static float[] filter(Weights w, int layer, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = w.filter(layer, i);
    }
    return values;
  }

  private static float[] bias(Weights w, int layer, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = w.bias(layer, i);
    }
    return values;
  }

  private static int[] fanIns(ConvStack stack) {
    int[] fanIn = new int[stack.blocks().stream().mapToInt(List::size).sum()];
    int channels = 3;
    int layer = 0;
    for (List<Integer> block : stack.blocks()) {
      for (int out : block) {
        fanIn[layer++] = 9 * channels;
        channels = out;
      }
    }
    return fanIn;
  }
}
