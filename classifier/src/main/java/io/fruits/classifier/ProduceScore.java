package io.fruits.classifier;

import io.fruits.core.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * How much an ImageNet classifier sees fruit or vegetables in a photo: the summed probability of
 * ImageNet's produce classes ({@code imagenet-produce.csv}: the fruit and vegetable block 936–957,
 * corn and ear). The fruit classifier only knows fruit, so it names one for a kitten; the ImageNet
 * classifier of the same backbone knows a thousand things, kittens among them, and puts almost no
 * mass on produce for a photo with no fruit. This is knowledge the CNN already has, not a rule
 * fit to any photo set.
 */
public final class ProduceScore {
  public static final int IMAGENET_CLASSES = 1000;
  private static final int[] PRODUCE = indices();

  private ProduceScore() {}

  /**
   * The produce mass of one output row of 1000 values: probabilities when they are non-negative
   * and sum to one (SqueezeNet ends in a softmax), logits otherwise (MobileNetV2 does not).
   */
  public static double of(float[] outputs) {
    if (outputs.length != IMAGENET_CLASSES) {
      throw new IllegalArgumentException("an ImageNet classifier gives 1000 values, this one " + outputs.length);
    }
    double[] p = new double[outputs.length];
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < p.length; i++) {
      sum += outputs[i];
      min = Math.min(min, outputs[i]);
      max = Math.max(max, outputs[i]);
    }
    boolean probabilities = min >= 0 && Math.abs(sum - 1) < 1e-3;
    double total = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = probabilities ? outputs[i] : Math.exp(outputs[i] - max);
      total += p[i];
    }
    double produce = 0;
    for (int i : PRODUCE) {
      produce += p[i];
    }
    return produce / total;
  }

  private static int[] indices() {
    List<Integer> out = new ArrayList<>();
    try (InputStream in = ProduceScore.class.getResourceAsStream("imagenet-produce.csv");
        Csv.Records records = Csv.records(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Iterator<List<String>> it = records.iterator();
      it.next(); // header
      while (it.hasNext()) {
        out.add(Integer.parseInt(it.next().get(0)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
