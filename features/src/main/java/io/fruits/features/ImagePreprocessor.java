package io.fruits.features;

/**
 * Encoded image to one slot of an input tensor: decode, resize, normalise. The one path every
 * edition (MapReduce, Spark, predict) takes from bytes to model input. Not thread-safe.
 */
public final class ImagePreprocessor {
  private final ImageDecoder decoder;
  private final BilinearResizer resizer;
  private final Letterbox letterbox;
  private final InputTensorWriter writer;

  public ImagePreprocessor(ModelDescriptor d, long maxPixels) {
    this.decoder = new ImageDecoder(maxPixels);
    this.resizer = BilinearResizer.forModel(d);
    this.letterbox = new Letterbox(d.width(), d.height());
    this.writer = new InputTensorWriter(d);
  }

  /** The decoded and resized pixels, before normalisation (valid until the next call). */
  public RgbImage resized(byte[] bytes, int length) throws RejectedImageException {
    return resize(decoded(bytes, length));
  }

  /** The decoded pixels at their own size (valid until the next call). */
  public RgbImage decoded(byte[] bytes, int length) throws RejectedImageException {
    return decoder.decode(bytes, length);
  }

  /**
   * {@code decoded} at the model's input size: a photo on white ({@link StudioShot}) of another
   * shape than the input is fitted into it with white around ({@link Letterbox}), as Fruits-360's
   * images are; any other photo is stretched or cropped as the descriptor says. Fruits-360's
   * square images are the same either way.
   */
  public RgbImage resize(RgbImage decoded) throws RejectedImageException {
    return resize(decoded, letterbox.needed(decoded) && StudioShot.is(decoded));
  }

  /**
   * {@code image} at the model's input size, fitted on white when {@code onWhite}: for a view of a
   * photo, which is judged by the whole photo, not by its part.
   */
  public RgbImage resize(RgbImage image, boolean onWhite) throws RejectedImageException {
    try {
      return onWhite && letterbox.needed(image) ? letterbox.fit(image) : resizer.resize(image);
    } catch (RuntimeException e) {
      throw new RejectedImageException(RejectReason.CORRUPT, "the decoded " + image.width() + "x" + image.height()
          + " image could not be resized: " + e.getMessage());
    }
  }

  /**
   * Writes the image into {@code slot} of {@code batch}. Whatever one image does to the decoder or
   * the resizer ends as a {@link RejectedImageException}, never as an exception that would fail a
   * map task, a Spark stage or a request: one file must not fail a run.
   */
  public void prepare(byte[] bytes, int length, ImageBatch batch, int slot) throws RejectedImageException {
    prepare(resized(bytes, length), batch, slot);
  }

  /** Writes an image that {@link #resized} gave into {@code slot} of {@code batch}. */
  public void prepare(RgbImage image, ImageBatch batch, int slot) throws RejectedImageException {
    try {
      writer.write(image, batch.buffer(), slot);
      float[] histogram = batch.histogram(slot);
      if (histogram != null) {
        ColourHistogram.of(image, histogram);
      }
    } catch (RuntimeException e) {
      throw new RejectedImageException(RejectReason.CORRUPT, "the decoded pixels could not be prepared: " + e.getMessage());
    }
  }
}
