package io.fruits.reduction;

/**
 * One pass over the standardised vectors z_1..z_n: {@code G Q = sum_i z_i (z_i^T Q)}, where
 * {@code G = Z^T Z} is never formed. Q is d x l (rows: features); so is the answer. The pipeline's
 * implementation is a MapReduce job; tests use one in memory.
 */
public interface GramProduct {
  double[][] times(double[][] q) throws Exception;
}
