package io.fruits.core;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where every stage of one run reads and writes, under one output folder on any Hadoop
 * filesystem ({@code file://}, {@code hdfs://}, {@code s3a://}). A stage's folder is complete
 * when it holds {@code _SUCCESS}; a re-run skips complete stages, so a run stopped between stages
 * resumes where it stopped.
 *
 * <pre>
 * OUT/packed/part-00000.seq ...   SequenceFiles: Text id -> BytesWritable encoded image
 * OUT/packed/manifest.csv         id,label,bytes,sha256 of every packed file
 * OUT/run.properties              the run's settings: a re-run resumes only with the same ones
 * OUT/packed/skipped.csv          id,reason of files left out: hidden, symlink, not-a-file, unreadable
 * OUT/packed/rejects.csv          too-large rejects (files over pack.max.file.bytes, never read), unreadable rejects
 * OUT/packed/duplicates.csv       id,duplicate_of,sha256 of files whose bytes an earlier id had
 * OUT/augmented/part-r-*          the packed images and their photo-like variants (-Daugment.variants=K), a pack in id order
 * OUT/features/part-m-*           SequenceFiles: Text id -> (label, float[d])
 * OUT/features/rejects/part-m-*   id,label,reason,detail of images that gave no vector
 * OUT/stats/part-r-00000          count, mean and co-moment matrix of the vectors
 * OUT/pca/model.txt               the PCA model (scaler, components, eigenvalues)
 * OUT/export/csv/pca/part-m-*      id,label,pc1..pck rows, for machines
 * OUT/export/csv/features/part-m-* id,label,f1..fd rows, for machines
 * OUT/export/parquet/{features,pca}/part-m-*.parquet  the same rows as Parquet (-Doutput.formats=csv,parquet)
 * OUT/pca.csv, OUT/features.csv   the same merged with a header, for people
 * OUT/rejects.csv                 every reject of the run, with a header
 * OUT/reports/                    timings and counters of the run
 * OUT/update/                     only while fruits run --update works: the new pack and features
 * </pre>
 */
public final class RunLayout {
  public static final String SUCCESS = "_SUCCESS";
  /** The settings of the run, and the mark that a folder is a run of ours. */
  public static final String SETTINGS = RunFiles.SETTINGS;

  private final Path root;

  public RunLayout(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path packed() {
    return new Path(root, RunFiles.PACKED);
  }

  public Path augmented() {
    return new Path(root, RunFiles.AUGMENTED);
  }

  public Path manifest() {
    return manifestIn(packed());
  }

  public Path packRejects() {
    return packRejectsIn(packed());
  }

  /** The files of a pack folder, wherever it is (the packer writes into any folder). */
  public static Path manifestIn(Path packed) {
    return new Path(packed, RunFiles.MANIFEST);
  }

  public static Path skippedIn(Path packed) {
    return new Path(packed, RunFiles.SKIPPED);
  }

  public static Path duplicatesIn(Path packed) {
    return new Path(packed, RunFiles.DUPLICATES);
  }

  public static Path packRejectsIn(Path packed) {
    return new Path(packed, RunFiles.PACK_REJECTS);
  }

  /** The {@code n}-th SequenceFile of a pack folder. */
  public static Path packPart(Path packed, int n) {
    return new Path(packed, String.format(java.util.Locale.ROOT, "part-%05d.seq", n));
  }

  public Path features() {
    return new Path(root, RunFiles.FEATURES);
  }

  public Path featureRejects() {
    return new Path(root, RunFiles.FEATURE_REJECTS);
  }

  public Path stats() {
    return new Path(root, RunFiles.STATS);
  }

  public Path pca() {
    return new Path(root, RunFiles.PCA);
  }

  public Path pcaModel() {
    return new Path(root, RunFiles.PCA_MODEL);
  }

  public Path export() {
    return new Path(root, RunFiles.EXPORT);
  }

  public Path pcaParts() {
    return new Path(root, RunFiles.PCA_PARTS);
  }

  public Path featureParts() {
    return new Path(root, RunFiles.FEATURE_PARTS);
  }

  public Path pcaCsv() {
    return new Path(root, RunFiles.PCA_CSV);
  }

  public Path featuresCsv() {
    return new Path(root, RunFiles.FEATURES_CSV);
  }

  public Path rejectsCsv() {
    return new Path(root, RunFiles.REJECTS_CSV);
  }

  public Path reports() {
    return new Path(root, RunFiles.REPORTS);
  }

  /** A local path for local files (what a person pastes into a shell), the URI otherwise. */
  public static String display(Path p) {
    if ("file".equals(p.toUri().getScheme())) {
      return new java.io.File(p.toUri().getPath()).getAbsolutePath();
    }
    return p.toString();
  }

  /** True when {@code stageDir} was committed completely by an earlier run. */
  public static boolean isComplete(Configuration conf, Path stageDir) throws IOException {
    FileSystem fs = stageDir.getFileSystem(conf);
    return fs.exists(new Path(stageDir, SUCCESS));
  }
}
