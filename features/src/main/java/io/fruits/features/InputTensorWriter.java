package io.fruits.features;

import java.nio.FloatBuffer;

/**
 * Writes model-sized RGB pixels into a batch tensor as the model expects them: channel order,
 * {@code (value * scale - mean) / std}, NCHW or NHWC. One multiply-add per value, with the
 * constants folded once.
 */
public final class InputTensorWriter {
  private final boolean bgr;
  private final boolean channelsLast;
  private final float[] mul = new float[3];
  private final float[] add = new float[3];
  private float[] scratch = new float[0];

  public InputTensorWriter(ModelDescriptor d) {
    this.bgr = d.bgr();
    this.channelsLast = d.inputChannelsLast();
    float[] mean = d.mean();
    float[] std = d.std();
    for (int c = 0; c < 3; c++) {
      mul[c] = d.scale() / std[c];
      add[c] = -mean[c] / std[c];
    }
  }

  /** Writes {@code image} as image number {@code slot} of the batch tensor {@code into}. */
  public void write(RgbImage image, FloatBuffer into, int slot) {
    int cells = image.width() * image.height();
    if (scratch.length != 3 * cells) {
      scratch = new float[3 * cells];
    }
    int[] p = image.pixels();
    for (int c = 0; c < 3; c++) {
      // Channel c of the tensor holds red first for RGB models, blue first for BGR ones.
      int shift = (bgr ? c : 2 - c) * 8;
      float m = mul[c];
      float a = add[c];
      int at = channelsLast ? c : c * cells;
      int step = channelsLast ? 3 : 1;
      for (int i = 0; i < cells; i++, at += step) {
        scratch[at] = ((p[i] >> shift) & 0xff) * m + a;
      }
    }
    // One bulk copy into the direct buffer instead of a bounds-checked put per value.
    into.put(slot * 3 * cells, scratch, 0, 3 * cells);
  }
}
