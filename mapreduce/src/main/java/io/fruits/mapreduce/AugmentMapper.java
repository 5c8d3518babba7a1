package io.fruits.mapreduce;

import io.fruits.core.FruitsConfigKeys;
import io.fruits.features.ImageDecoder;
import io.fruits.features.RejectedImageException;
import io.fruits.features.augment.Augmenter;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packed image in; the image itself and {@code augment.variants} photo-like variants of it out,
 * with ids in the image's own folder (so they keep its label). An image that does not decode gets
 * no variants and fails nothing: it goes on as it is, and the feature job lists it as a reject
 * with its reason.
 */
public final class AugmentMapper extends Mapper<Text, BytesWritable, Text, BytesWritable> {
  private static final Logger LOG = LoggerFactory.getLogger(AugmentMapper.class);
  private ImageDecoder decoder;
  private Augmenter augmenter;
  private int variants;
  private String only;
  private final Text id = new Text();
  private final BytesWritable bytes = new BytesWritable();

  @Override
  protected void setup(Context context) {
    Configuration conf = context.getConfiguration();
    decoder = new ImageDecoder(FruitsConfigKeys.MAX_PIXELS.getLong(conf));
    augmenter = new Augmenter(FruitsConfigKeys.AUGMENT_SEED.getLong(conf));
    variants = FruitsConfigKeys.AUGMENT_VARIANTS.getInt(conf);
    only = FruitsConfigKeys.AUGMENT_ONLY.get(conf);
  }

  @Override
  protected void map(Text key, BytesWritable value, Context context) throws IOException, InterruptedException {
    context.getCounter(AugmentCounters.IMAGES_READ).increment(1);
    context.write(key, value);
    String image = key.toString();
    if (!image.startsWith(only)) {
      context.getCounter(AugmentCounters.IMAGES_LEFT_OUT).increment(1);
      return;
    }
    java.util.List<byte[]> made;
    try {
      made = augmenter.variants(image, decoder.decode(value.getBytes(), value.getLength()), variants);
    } catch (RejectedImageException e) {
      context.getCounter(AugmentCounters.IMAGES_UNDECODABLE).increment(1);
      return;
    } catch (RuntimeException e) {
      // A fault of the augmenter on one image costs that image its variants, not the task its work.
      LOG.warn("no variants of {}: {}", image, e.toString());
      context.getCounter(AugmentCounters.IMAGES_NOT_AUGMENTED).increment(1);
      return;
    }
    for (int k = 0; k < made.size(); k++) {
      id.set(Augmenter.variantId(image, k + 1));
      bytes.set(made.get(k), 0, made.get(k).length);
      context.write(id, bytes);
      context.getCounter(AugmentCounters.VARIANTS_WRITTEN).increment(1);
      context.getCounter(AugmentCounters.VARIANT_BYTES).increment(made.get(k).length);
    }
    context.getCounter(AugmentCounters.IMAGES_AUGMENTED).increment(1);
  }
}
