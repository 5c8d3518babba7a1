package io.fruits.features;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * One reusable input tensor for up to {@code capacity} images. The buffer is direct and in native
 * order, so the engine can read it without another copy; it is allocated once per slot, never per
 * record.
 */
public final class ImageBatch {
  private final FloatBuffer tensor;
  private final int imageSize;
  private final int capacity;
  private final int height;
  private final int width;
  private final boolean channelsLast;
  /** Per slot, when the descriptor appends a colour histogram: filled with the tensor, appended to the CNN's vector. */
  private final float[][] histograms;
  private int count;

  public ImageBatch(ModelDescriptor d, int capacity) {
    this.imageSize = d.inputSize();
    this.capacity = capacity;
    this.height = d.height();
    this.width = d.width();
    this.channelsLast = d.inputChannelsLast();
    this.tensor =
        ByteBuffer.allocateDirect(Math.multiplyExact(imageSize, capacity) * Float.BYTES)
            .order(ByteOrder.nativeOrder())
            .asFloatBuffer();
    this.histograms = d.histogram() ? new float[capacity][ColourHistogram.SIZE] : null;
  }

  /** The colour histogram of {@code slot}, or null when the descriptor appends none. */
  public float[] histogram(int slot) {
    return histograms == null ? null : histograms[slot];
  }

  /** The whole buffer, for writers that fill slots by index. */
  public FloatBuffer buffer() {
    return tensor;
  }

  public int capacity() {
    return capacity;
  }

  public int count() {
    return count;
  }

  public void setCount(int count) {
    if (count < 0 || count > capacity) {
      throw new IllegalArgumentException("count " + count + " outside 0.." + capacity);
    }
    this.count = count;
  }

  /** The first {@code count} images as one tensor, positioned at 0. */
  public FloatBuffer filled() {
    FloatBuffer view = tensor.duplicate();
    view.position(0).limit(count * imageSize);
    return view.slice();
  }

  /** Shape of {@link #filled()}: [N,3,H,W] or [N,H,W,3]. */
  public long[] shape() {
    return channelsLast ? new long[] {count, height, width, 3} : new long[] {count, 3, height, width};
  }
}
