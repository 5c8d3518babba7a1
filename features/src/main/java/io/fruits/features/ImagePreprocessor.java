package io.fruits.features;

/**
 * Encoded image to one slot of an input tensor: decode, resize, normalise. The one path every
 * edition (MapReduce, Spark, predict) takes from bytes to model input. Not thread-safe.
 */
public final class ImagePreprocessor {
  private final ImageDecoder decoder;
  private final BilinearResizer resizer;
  private final InputTensorWriter writer;

  public ImagePreprocessor(ModelDescriptor d, long maxPixels) {
    this.decoder = new ImageDecoder(maxPixels);
    this.resizer = BilinearResizer.forModel(d);
    this.writer = new InputTensorWriter(d);
  }

  /** The decoded and resized pixels, before normalisation (valid until the next call). */
  public RgbImage resized(byte[] bytes, int length) throws RejectedImageException {
    return resizer.resize(decoder.decode(bytes, length));
  }

  /** Writes the image into {@code slot} of {@code batch}. */
  public void prepare(byte[] bytes, int length, ImageBatch batch, int slot) throws RejectedImageException {
    writer.write(resized(bytes, length), batch.buffer(), slot);
  }
}
