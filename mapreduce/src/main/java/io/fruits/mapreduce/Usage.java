package io.fruits.mapreduce;

import io.fruits.core.FruitsConfigKeys;
import io.fruits.features.ModelKey;

/** The help text, generated from the option and key enums so it cannot drift from the code. */
final class Usage {
  private Usage() {}

  static String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: fruits run --input IN [--listing INVENTORY.csv] --output OUT --model PRESET|DESCRIPTOR [--overwrite | --update] [--until STAGE] [-D key=value ...]\n\n");
    sb.append("Packs the images under IN into SequenceFiles, extracts one CNN feature vector per image,\n");
    sb.append("computes their statistics and PCA, and writes CSVs under OUT. IN and OUT are local paths\n");
    sb.append("or Hadoop filesystem URIs (file://, hdfs://, s3a://). Without a cluster configuration the\n");
    sb.append("jobs run in Hadoop's local job runner. On success the last two lines of standard output\n");
    sb.append("are the merged features CSV and the merged PCA CSV; progress goes to standard error.\n\n");
    sb.append("The other programs (fruits spark, bench, classify, predict, serve) each print their own --help.\n\n");
    sb.append("Options:\n");
    sb.append("  --input IN        image tree, one folder per class (ids are paths relative to IN)\n");
    sb.append("  --listing FILE    read the input's files from an S3 Inventory CSV (bucket,key,size,...) instead of\n");
    sb.append("                    listing IN; keys below IN's path are the input\n");
    sb.append("  --output OUT      folder of this run; an unfinished run with the same settings resumes\n");
    sb.append("  --model M         preset (vgg16, squeezenet1.1, mobilenetv2; squeezenet1.1-imagenet, mobilenetv2-imagenet) or a descriptor .properties file\n");
    sb.append("  --overwrite       delete OUT first, only when it is a run (run.properties) and holds no input\n");
    sb.append("  --update          bring the finished run in OUT up to date with IN: only added or changed images\n");
    sb.append("                    go through the CNN; removed ones leave every output; the rest is recomputed\n");
    sb.append("  --until STAGE     stop after pack, augment, features, stats, pca or export (default); a re-run resumes\n");
    sb.append("  --help            this text\n\n");
    sb.append("Pipeline settings (-D key=value):\n");
    for (FruitsConfigKeys k : FruitsConfigKeys.values()) {
      if (k != FruitsConfigKeys.MODEL_LOCALIZED) {
        sb.append(String.format("  %-22s %s (default %s)%n", k.key(), k.description(), k.defaultValue()));
      }
    }
    sb.append("\nModel descriptor keys (-D key=value, or in the descriptor file; override the preset):\n");
    for (ModelKey k : ModelKey.values()) {
      String def = k.defaultValue().isEmpty() ? "" : " (default " + k.defaultValue() + ")";
      sb.append(String.format("  %-22s %s%s%n", k.key(), k.description(), def));
    }
    return sb.toString();
  }
}
