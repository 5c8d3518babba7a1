package io.fruits.core;

/**
 * The name of every file and folder of a run, relative to its output folder: the one list that
 * {@link RunLayout} places on a Hadoop filesystem and that the tools without Hadoop (classify,
 * predict, serve) resolve against a local folder. No Hadoop type here, so those tools can load it.
 */
public final class RunFiles {
  public static final String SETTINGS = "run.properties";
  public static final String PACKED = "packed";
  public static final String FEATURES = "features";
  public static final String AUGMENTED = "augmented";
  public static final String FEATURE_REJECTS = "features/rejects";
  public static final String STATS = "stats";
  public static final String PCA = "pca";
  public static final String PCA_MODEL = "pca/model.txt";
  public static final String CLASSIFIER = "pca/classifier.bin";
  public static final String CALIBRATION = "pca/calibration.properties";
  public static final String IMAGENET = "pca/imagenet.properties";
  /** The training photos a photo is compared with before the classifier is sure of it (runs classified with photos). */
  public static final String FAMILIARITY = "pca/familiarity.bin";
  /** The classifier of photos of one fruit on white, trained on Fruits-360 alone (runs classified with photos). */
  public static final String STUDIO_CLASSIFIER = "pca/studio-classifier.bin";
  public static final String STUDIO_CALIBRATION = "pca/studio-calibration.properties";
  public static final String EXPORT = "export";
  public static final String PCA_PARTS = "export/csv/pca";
  public static final String FEATURE_PARTS = "export/csv/features";
  public static final String PCA_PARQUET = "export/parquet/pca";
  public static final String FEATURES_PARQUET = "export/parquet/features";
  public static final String PCA_CSV = "pca.csv";
  public static final String FEATURES_CSV = "features.csv";
  public static final String REJECTS_CSV = "rejects.csv";
  public static final String REPORTS = "reports";
  public static final String CLASSIFIER_REPORT = "reports/classifier.md";
  public static final String EVALUATION_REPORT = "reports/evaluation.md";
  /** Where {@code fruits run --update} packs and extracts before it replaces the run's own folders. */
  public static final String UPDATE = "update";
  /** Inside a pack folder. */
  public static final String MANIFEST = "manifest.csv";
  public static final String SKIPPED = "skipped.csv";
  public static final String DUPLICATES = "duplicates.csv";
  public static final String PACK_REJECTS = "rejects.csv";

  /** The key of {@link #SETTINGS} holding the checksum of the model file the run was made with. */
  public static final String MODEL_SHA256 = "model.file.sha256";

  private RunFiles() {}
}
