package io.fruits.spark;

import io.fruits.reduction.PcaEstimator;
import io.fruits.reduction.PcaModel;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spark ML's StandardScaler and PCA with the MapReduce edition's rules: mean and unbiased standard
 * deviation (constant features map to 0, in both), and k fixed or the fewest components that
 * explain {@code pca.variance}. Spark's PCA takes only a fixed k, so for the variance rule it is
 * fitted once with every component to read the ratios and, when fewer are kept, again with k
 * (its model has no public way to drop components):
 * the second fit costs one more pass over the cached vectors, counted in the PCA stage. Spark's PCA
 * fixes no sign either; the product's rule ({@link PcaEstimator#sign}) is applied after it, so
 * {@code pca.csv} and {@code pca/model.txt} are the MapReduce edition's (Spark ML's own model
 * folder, {@code pca/spark-pca}, keeps Spark's signs).
 */
final class SparkPca {
  static final String FEATURES = "features";
  static final String SCALED = "scaled";
  static final String PCA_COLUMN = "pca";
  private static final String UNSIGNED = "unsigned";

  private final PcaEstimator rule;

  SparkPca(PcaEstimator rule) {
    this.rule = rule;
  }

  static StandardScalerModel fitScaler(Dataset<Row> vectors) {
    return new StandardScaler().setInputCol(FEATURES).setOutputCol(SCALED).setWithMean(true).setWithStd(true).fit(vectors);
  }

  /** Fits the PCA on standardised vectors of dimension {@code d}. */
  PCAModel fit(Dataset<Row> scaled, int d) {
    rule.checkK(d);
    if (rule.fixedK() > 0) {
      return pca(rule.fixedK()).fit(scaled);
    }
    PCAModel all = pca(d).fit(scaled);
    int k = rule.componentsFor(all.explainedVariance().toArray());
    return k == d ? all : pca(k).fit(scaled);
  }

  /** Projects standardised rows into {@link #PCA_COLUMN}: Spark's projection times each component's sign. */
  static Dataset<Row> project(PCAModel pca, Dataset<Row> scaled) {
    ElementwiseProduct signed = new ElementwiseProduct().setInputCol(UNSIGNED).setOutputCol(PCA_COLUMN).setScalingVec(Vectors.dense(signs(pca)));
    return signed.transform(pca.transform(scaled));
  }

  /**
   * Spark ML's scaler and PCA as the product's own model, so that {@code fruits predict} and
   * {@code fruits serve} use a Spark run as they use a MapReduce one. Eigenvalues of the correlation
   * matrix are the shares times its trace (the number of features that vary).
   */
  static PcaModel toModel(StandardScalerModel scaler, PCAModel pca) {
    double[] mean = scaler.mean().toArray();
    double[] std = scaler.std().toArray();
    int d = mean.length;
    int k = pca.getK();
    double varying = java.util.Arrays.stream(std).filter(s -> s > 0).count();
    double[] shares = pca.explainedVariance().toArray();
    double[] signs = signs(pca);
    double[][] components = new double[k][d];
    double[] eigenvalues = new double[d];
    double[] explained = new double[d];
    java.util.Arrays.fill(eigenvalues, Double.NaN);
    java.util.Arrays.fill(explained, Double.NaN);
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < d; i++) {
        components[c][i] = signs[c] * pca.pc().apply(i, c);
      }
      explained[c] = shares[c];
      eigenvalues[c] = shares[c] * varying;
    }
    return new PcaModel(new io.fruits.reduction.StandardScalerModel(mean, std), components, eigenvalues, explained);
  }

  /** 1 or -1 per component: the factor that gives it the MapReduce edition's sign. */
  static double[] signs(PCAModel pca) {
    int d = pca.pc().numRows();
    double[] signs = new double[pca.getK()];
    for (int c = 0; c < signs.length; c++) {
      double[] component = new double[d];
      for (int i = 0; i < d; i++) {
        component[i] = pca.pc().apply(i, c);
      }
      signs[c] = PcaEstimator.sign(component);
    }
    return signs;
  }

  private static PCA pca(int k) {
    return new PCA().setInputCol(SCALED).setOutputCol(UNSIGNED).setK(k);
  }
}
