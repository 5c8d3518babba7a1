package io.fruits.classifier;

import io.fruits.core.RunFiles;
import io.fruits.core.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one {@code fruits classify} leaves in a run: its classifier and calibration, and, where it
 * had them, the familiarity check, the classifier of photos on white and the ImageNet check. Each
 * file is replaced whole; what this classify has none of is removed, so that nothing of an earlier
 * one judges the new classifier's answers, and so is the evaluation of the classifier it replaces.
 */
final class ClassifierFiles {
  private ClassifierFiles() {}

  static void replace(Path run, ClassifierTraining.Result trained, Familiarity familiarity, ClassifierTraining.Result studio,
      ImagenetRun imagenet) throws IOException {
    RunFolder folder = RunFolder.local(run);
    trained.classifier().save(run.resolve(RunFiles.CLASSIFIER));
    folder.write(RunFiles.CALIBRATION, trained.calibration().properties());
    if (familiarity.photos() == 0) {
      Files.deleteIfExists(run.resolve(RunFiles.FAMILIARITY));
    } else {
      familiarity.save(run.resolve(RunFiles.FAMILIARITY));
    }
    if (studio != null) {
      studio.classifier().save(run.resolve(RunFiles.STUDIO_CLASSIFIER));
      folder.write(RunFiles.STUDIO_CALIBRATION, studio.calibration().properties());
    } else {
      Files.deleteIfExists(run.resolve(RunFiles.STUDIO_CLASSIFIER));
      Files.deleteIfExists(run.resolve(RunFiles.STUDIO_CALIBRATION));
    }
    Files.deleteIfExists(run.resolve(RunFiles.EVALUATION_REPORT));
    if (imagenet != null) {
      folder.write(RunFiles.IMAGENET, imagenet.properties());
    } else {
      Files.deleteIfExists(run.resolve(RunFiles.IMAGENET));
    }
  }
}
