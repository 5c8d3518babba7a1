package io.fruits.savedmodel;

/** The value of every filter tap and bias of a {@link ConvStack}, by convolution number (from 0). */
interface Weights {
  float filter(int layer, int index);

  float bias(int layer, int channel);
}
