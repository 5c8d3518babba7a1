package io.fruits.savedmodel;

import java.util.SplittableRandom;

/**
 * Random weights with a fixed seed, scaled as He initialisation does (std sqrt(2 / fan-in)), so
 * that activations neither vanish nor overflow through 13 layers. For shapes and speed only.
 */
final class SeededWeights implements Weights {
  private final long seed;
  private final int[] fanIn;

  SeededWeights(long seed, int[] fanIn) {
    this.seed = seed;
    this.fanIn = fanIn.clone();
  }

  @Override
  public float filter(int layer, int index) {
    // One stream per tap, so that a value does not depend on the order of the calls.
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + layer * 100_000_007L + index);
    return (float) (gaussian(r) * Math.sqrt(2.0 / fanIn[layer]));
  }

  @Override
  public float bias(int layer, int channel) {
    return 0f;
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
