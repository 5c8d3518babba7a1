package io.fruits.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.Arrays;

/**
 * DJL translator from a prepared {@link ImageBatch} to one pooled vector per image. Decoding and
 * resizing happen before, off the engine's thread; this class only wraps the tensor and pools the
 * named output in plain Java (the ONNX Runtime engine has no NDArray operations of its own).
 */
final class FeatureTranslator implements NoBatchifyTranslator<ImageBatch, float[][]> {
  private final ModelDescriptor descriptor;

  FeatureTranslator(ModelDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, ImageBatch batch) {
    NDArray input = ctx.getNDManager().create(batch.filled(), new Shape(batch.shape()));
    if (!descriptor.inputName().isEmpty()) {
      input.setName(descriptor.inputName());
    }
    return new NDList(input);
  }

  @Override
  public float[][] processOutput(TranslatorContext ctx, NDList outputs) {
    NDArray map = pick(outputs);
    long[] shape = map.getShape().getShape();
    Pooling pooling = descriptor.pooling();
    int n = (int) shape[0];
    int channels;
    int cells;
    if (shape.length == 4) {
      channels = (int) (descriptor.outputChannelsLast() ? shape[3] : shape[1]);
      cells = (int) (descriptor.outputChannelsLast() ? shape[1] * shape[2] : shape[2] * shape[3]);
    } else if (shape.length == 2 && pooling == Pooling.FLATTEN) {
      channels = (int) shape[1];
      cells = 1;
    } else {
      throw new IllegalArgumentException(
          "model output " + map.getName() + " has shape " + Arrays.toString(shape) + ", which "
              + pooling.name().toLowerCase(java.util.Locale.ROOT)
              + " pooling cannot reduce; name a 4-d feature map with -Dmodel.output.name or use -Dmodel.pooling=flatten");
    }
    float[] flat = map.toFloatArray();
    float[][] vectors = new float[n][pooling.dimension(channels, cells)];
    boolean last = descriptor.outputChannelsLast() && shape.length == 4;
    for (int i = 0; i < n; i++) {
      pooling.pool(flat, i, channels, cells, last, vectors[i]);
    }
    return vectors;
  }

  private NDArray pick(NDList outputs) {
    String name = descriptor.outputName();
    if (name.isEmpty()) {
      return outputs.head();
    }
    NDArray named = outputs.get(name);
    if (named == null) {
      String[] names = outputs.stream().map(NDArray::getName).toArray(String[]::new);
      throw new IllegalArgumentException(
          "model has no output '" + name + "' (it has " + Arrays.toString(names) + "); fix -Dmodel.output.name");
    }
    return named;
  }
}
