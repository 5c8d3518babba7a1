package io.fruits.spark;

import io.fruits.reduction.PcaEstimator;
import io.fruits.reduction.PcaModel;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Spark edition's PCA: Spark ML's StandardScaler, then Spark computes the covariance of the
 * standardised vectors (the correlation matrix, in one distributed pass), the driver decomposes it
 * with the MapReduce edition's estimator ({@link PcaEstimator}: solver, sign rule, k fixed or by
 * explained variance), and the executors project every vector with the fitted model.
 *
 * <p>Why not Spark ML's {@code PCA}: it decomposes the same covariance with breeze's {@code svd},
 * which calls LAPACK's {@code dgesdd} as translated to Java by F2J, and that returns wrong singular
 * values for some rank-deficient matrices, as every covariance of fewer vectors than features is.
 * Found with 40 SqueezeNet vectors of 512 values (trace 501): in about half of the runs the
 * singular values summed to 736.6 and the second component was not an eigenvector at all, the
 * outcome depending on the order in which Spark added the partitions' sums; {@code dgesvd} and
 * {@code dsyev} of the same library decompose that matrix correctly ({@code SparkPcaTest}
 * shows {@code dgesdd} failing on a synthetic one).
 */
final class SparkPca {
  static final String FEATURES = "features";
  static final String SCALED = "scaled";

  private final PcaEstimator rule;

  SparkPca(PcaEstimator rule) {
    this.rule = rule;
  }

  static StandardScalerModel fitScaler(Dataset<Row> vectors) {
    return new StandardScaler().setInputCol(FEATURES).setOutputCol(SCALED).setWithMean(true).setWithStd(true).fit(vectors);
  }

  /** Fits on the vectors {@code scaler} standardised into {@link #SCALED}. */
  PcaModel fit(StandardScalerModel scaler, Dataset<Row> scaled) {
    JavaRDD<org.apache.spark.mllib.linalg.Vector> rows =
        scaled.select(SCALED).javaRDD().map(r -> Vectors.fromML(r.<org.apache.spark.ml.linalg.Vector>getAs(0)));
    Matrix covariance = new RowMatrix(rows.rdd()).computeCovariance();
    int d = covariance.numRows();
    double[][] r = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        r[i][j] = covariance.apply(i, j);
      }
    }
    return rule.fit(new io.fruits.reduction.StandardScalerModel(scaler.mean().toArray(), scaler.std().toArray()), r);
  }

  /**
   * Each vector's projection as a {@code pca.csv} line, by {@link PcaModel#transform} as in the
   * MapReduce edition and in {@code fruits predict}; the model travels once per executor.
   */
  static JavaRDD<String> project(JavaSparkContext jsc, PcaModel model, JavaRDD<FeatureRow> vectors) {
    Broadcast<PcaModel> shared = jsc.broadcast(model);
    return vectors.map(v -> SparkCsv.pcaRow(v, shared.value().transform(v.vector)));
  }
}
