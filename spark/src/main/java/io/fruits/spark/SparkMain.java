package io.fruits.spark;

import io.fruits.core.ImageTree;
import io.fruits.core.Launcher;
import io.fruits.core.RunLayout;
import io.fruits.core.SettingNames;
import java.io.PrintStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of the Spark edition: {@code fruits spark ...} on the embedded default
 * ({@code local[*]}), or {@code spark-submit --class io.fruits.spark.SparkMain fruits-spark.jar
 * ...} on a cluster. Like the MapReduce edition, the last two lines of standard output are the
 * merged features CSV and PCA CSV; a wrong invocation ends with one line and exit code 2.
 */
public final class SparkMain {
  private SparkMain() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    // Under spark-submit --deploy-mode cluster on YARN this main runs inside Spark's application
    // master, which reports the final status after main returns: an exit before that is reported
    // as a failure ("Shutdown hook called before final status was reported") and starts a second
    // attempt of the whole run (found by SparkOnYarnIT). Elsewhere the exit code is the answer.
    boolean insideApplicationMaster =
        "cluster".equals(System.getProperty("spark.submit.deployMode")) && "yarn".equals(System.getProperty("spark.master"));
    if (code != 0 || !insideApplicationMaster) {
      System.exit(code);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return Launcher.run("fruits spark", err, () -> {
      SparkOptions options = SparkOptions.parse(args);
      if (options.help) {
        out.println(SparkOptions.USAGE);
        out.println("The MapReduce edition's settings apply (-D key=value; see fruits run --help); spark.* keys go to Spark.");
        return 0;
      }
      SettingNames.check(options.defines.keySet(), "fruits run --help");
      SparkConf conf = new SparkConf(); // spark-submit's settings first, then ours
      options.defines.forEach((k, v) -> {
        if (k.startsWith("spark.")) {
          conf.set(k, v);
        }
      });
      if (options.master != null) {
        conf.setMaster(options.master);
      } else if (!conf.contains("spark.master")) {
        conf.setMaster("local[*]");
      }
      conf.setIfMissing("spark.app.name", "fruits");
      conf.setIfMissing("spark.ui.enabled", "false");

      // Before Spark starts and the model loads: a wrong --input then costs one line, not seconds.
      Configuration early = new Configuration();
      for (scala.Tuple2<String, String> kv : conf.getAllWithPrefix("spark.hadoop.")) {
        early.set(kv._1(), kv._2()); // as Spark will set them in its own Hadoop configuration
      }
      setHadoopKeys(options, early);
      Path input = new Path(options.input);
      try (FileSystem fs = FileSystem.newInstance(input.toUri(), early)) { // not the cached one Spark will use
        ImageTree.requireFolder(fs, input);
      }

      SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
      DiskBytes bytes = new DiskBytes();
      spark.sparkContext().addSparkListener(bytes);
      setHadoopKeys(options, spark.sparkContext().hadoopConfiguration());
      Configuration hadoop = new Configuration(spark.sparkContext().hadoopConfiguration());
      RunLayout layout;
      try {
        layout = new SparkPipeline(spark, options, err).run();
      } finally {
        spark.stop(); // also delivers the last listener events
      }
      FileSystem fs = layout.root().getFileSystem(hadoop);
      bytes.addDriverWrite("write", fs.getFileStatus(layout.featuresCsv()).getLen() + fs.getFileStatus(layout.pcaCsv()).getLen()
          + fs.getFileStatus(layout.rejectsCsv()).getLen());
      bytes.write(hadoop, new Path(layout.reports(), "disk-bytes.json"), SparkPipeline.STAGES);
      out.println(RunLayout.display(layout.featuresCsv()));
      out.println(RunLayout.display(layout.pcaCsv()));
      return 0;
    });
  }

  /** The {@code -D} keys that are not Spark's: fs.s3a.* and the other Hadoop and pipeline keys. */
  private static void setHadoopKeys(SparkOptions options, Configuration hadoop) {
    options.defines.forEach((k, v) -> {
      if (!k.startsWith("spark.")) {
        hadoop.set(k, v);
      }
    });
  }
}
