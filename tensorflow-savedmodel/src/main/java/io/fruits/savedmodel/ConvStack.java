package io.fruits.savedmodel;

import java.util.List;

/**
 * The shape of a Keras-style convolutional stack: blocks of 3x3 convolutions (same padding, bias,
 * ReLU), each block closed by a 2x2 max pooling of stride 2, as in Keras' VGG16 without its top.
 * Layers are named as Keras names them ({@code block1_conv1}, ..., {@code block5_pool}).
 */
record ConvStack(List<List<Integer>> blocks) {
  /** VGG16's 13 convolutions and 5 poolings: a 224x224 input ends as a 7x7x512 {@code block5_pool}. */
  static ConvStack vgg16() {
    return new ConvStack(List.of(List.of(64, 64), List.of(128, 128), List.of(256, 256, 256), List.of(512, 512, 512),
        List.of(512, 512, 512)));
  }

  /** Two small blocks whose output a test recomputes in plain Java: 3 -> 4 -> pool -> 8 -> pool. */
  static ConvStack known() {
    return new ConvStack(List.of(List.of(4), List.of(8)));
  }

  /** Keras' name of the last pooling layer, the stack's output. */
  String outputName() {
    return "block" + blocks.size() + "_pool";
  }
}
