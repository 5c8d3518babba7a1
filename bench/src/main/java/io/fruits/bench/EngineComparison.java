package io.fruits.bench;

import java.util.Locale;

/**
 * The same VGG16-shaped network on two DJL engines, each alone on the same pre-decoded images,
 * batch size and threads: ONNX Runtime with {@code vgg16-random-notop.onnx}, TensorFlow with a
 * SavedModel of the same stack ({@code fruits savedmodel vgg16}). Both carry random weights, so
 * only the speed compares, not the vectors.
 */
record EngineComparison(int images, int batch, int threads, double onnxRate, double tensorFlowRate) {
  String markdown() {
    return String.format(Locale.ROOT, "%n### Engines: the VGG16 stack at 224x224, %d images, batch %d, %d thread(s)%n%n"
        + "| engine | images/s |%n|---|---:|%n| ONNX Runtime | %.2f |%n| TensorFlow | %.2f |%n%n"
        + "TensorFlow / ONNX Runtime: %.2f%n%n", images, batch, threads, onnxRate, tensorFlowRate, tensorFlowRate / onnxRate);
  }

  String csvRows() {
    return String.format(Locale.ROOT, "vgg16_onnxruntime_images_per_s,%.3f,,,,%nvgg16_tensorflow_images_per_s,%.3f,,,,%n", onnxRate, tensorFlowRate);
  }
}
