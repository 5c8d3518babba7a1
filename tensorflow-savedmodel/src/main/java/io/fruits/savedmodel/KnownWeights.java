package io.fruits.savedmodel;

/**
 * Weights a test can recompute without TensorFlow: a fixed formula of the layer number and of the
 * flat index in TensorFlow's HWIO filter order (height, width, input channel, output channel). The
 * values lie in [-11/32, 11/32], large enough that ReLU and max pooling both act.
 */
final class KnownWeights implements Weights {
  @Override
  public float filter(int layer, int index) {
    return (Math.floorMod(index * 37 + layer * 11, 23) - 11) / 32f;
  }

  @Override
  public float bias(int layer, int channel) {
    return (Math.floorMod(channel * 5 + layer, 7) - 3) / 16f;
  }
}
