package io.fruits.mapreduce;

import io.fruits.core.RunFiles;
import io.fruits.core.RunLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code fruits run --update}: brings a finished run up to date with its input, paying the CNN only
 * for images added or changed since. The input is packed anew into {@code OUT/update/packed} (the
 * same pack a fresh run makes), the two manifests say what changed, and the feature job runs over
 * the whole new pack with the earlier vectors at hand ({@link PreviousFeatures}), so its output
 * parts are the ones a fresh run writes. Then the new pack and features replace the run's, and
 * statistics, PCA and projection are recomputed over all vectors as in any run: the updated run's
 * CSVs and PCA model are a fresh run's byte for byte.
 *
 * <p>The replacement is marked by {@code OUT/update/_COMMITTING}: an update stopped in the middle
 * (on S3 a folder rename is a copy, not atomic) is finished by the next run on that folder, and the
 * run's merged CSVs are deleted first, so a half-updated run never looks finished.
 */
final class RunUpdate {
  private static final String COMMITTING = "_COMMITTING";
  private static final List<String> DERIVED = List.of(RunFiles.EXPORT, RunFiles.PCA, RunFiles.STATS, RunFiles.PCA_CSV,
      RunFiles.FEATURES_CSV, RunFiles.REJECTS_CSV);

  private final Configuration conf;
  private final RunLayout run;
  private final RunLayout next;
  private final FileSystem fs;

  RunUpdate(Configuration conf, RunLayout run) throws IOException {
    this.conf = conf;
    this.run = run;
    this.next = new RunLayout(new Path(run.root(), RunFiles.UPDATE));
    this.fs = run.root().getFileSystem(conf);
  }

  /** True when an earlier update was stopped while replacing the run's folders. */
  boolean committing() throws IOException {
    return fs.exists(marker());
  }

  /**
   * Packs the input anew and, unless nothing changed, computes the new features into the update
   * folder and puts them in place. Returns the changes, or null when there were none (then nothing
   * of the run was touched).
   */
  ManifestDiff apply(PipelineStages stages, PrintStream progress) throws Exception {
    fs.delete(next.root(), true); // what an update stopped before its commit left is stale
    Configuration updateConf = new Configuration(conf);
    PipelineStages update = stages.writingInto(updateConf, next);
    update.run(Stage.PACK);
    ManifestDiff diff = ManifestDiff.of(conf, run.manifest(), next.manifest(), next.packRejects());
    if (diff.none() && sameBytes(RunLayout.skippedIn(run.packed()), RunLayout.skippedIn(next.packed()))) {
      fs.delete(next.root(), true);
      return null;
    }
    progress.println("[fruits] update: " + diff.line());
    Path ids = new Path(next.root(), "recompute.seq");
    diff.writeRecompute(conf, ids);
    // Read by the feature job's configuration copy, made when the stage runs.
    updateConf.set(PreviousFeatures.DIR, run.features().toString());
    updateConf.set(PreviousFeatures.RECOMPUTE, ids.toString());
    update.run(Stage.FEATURES);
    fs.create(marker()).close();
    finishCommit();
    return diff;
  }

  /** Replaces the run's pack and features by the update's; every step may be done again. */
  void finishCommit() throws IOException {
    for (String derived : DERIVED) {
      fs.delete(new Path(run.root(), derived), true);
    }
    for (String stage : List.of(RunFiles.FEATURES, RunFiles.PACKED)) {
      Path updated = new Path(next.root(), stage);
      if (fs.exists(updated)) {
        Path target = new Path(run.root(), stage);
        fs.delete(target, true);
        if (!fs.rename(updated, target)) {
          throw new IOException("could not move " + updated + " to " + target + "; run the update again to finish it");
        }
      }
    }
    fs.delete(next.root(), true);
  }

  private Path marker() {
    return new Path(next.root(), COMMITTING);
  }

  private boolean sameBytes(Path a, Path b) throws IOException {
    if (!fs.exists(a) || !fs.exists(b)) {
      return fs.exists(a) == fs.exists(b);
    }
    try (InputStream x = fs.open(a); InputStream y = fs.open(b)) {
      return Arrays.equals(x.readAllBytes(), y.readAllBytes());
    }
  }
}
