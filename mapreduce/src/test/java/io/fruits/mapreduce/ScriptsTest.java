package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shell scripts: the EMR dry run's calls and JSON, and shellcheck over every script. */
class ScriptsTest {
  private static final Path REPO = Paths.get("..").toAbsolutePath().normalize();

  private static String[] run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(REPO.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new String[] {Integer.toString(p.waitFor()), out, err};
  }

  @Test
  void emrDryRunPrintsAHadoopOnlyClusterAndOneHadoopJarStepPerStage() throws Exception {
    String[] r = run("bash", "scripts/emr", "--bucket", "acme-fruits", "--input", "s3a://acme-fruits/fruits-360",
        "--instance-type", "m5.2xlarge", "--instance-count", "3", "--engine-threads", "4", "--run", "r1", "--dry-run");
    assertEquals("0", r[0], r[2]);
    String out = r[1];
    assertTrue(out.contains("aws emr create-cluster --region eu-west-1 --name fruits-r1 --release-label emr-7.5.0 "
        + "--applications Name=Hadoop --use-default-roles"), out);
    assertTrue(out.contains("--log-uri s3://acme-fruits/fruits/logs/ --auto-termination-policy IdleTimeout=3600"), out);
    assertTrue(out.contains("aws s3 cp " + REPO.resolve("mapreduce/target/fruits-job.jar") + " s3://acme-fruits/fruits/jars/fruits-job.jar"), out);
    assertTrue(out.contains("aws emr terminate-clusters --region eu-west-1 --cluster-ids j-DRYRUN"), out);
    assertTrue(out.contains("aws s3 cp s3://acme-fruits/fruits/runs/r1/pca.csv ./emr-r1/pca.csv"), out);
    assertTrue(out.contains("\"InstanceType\": \"m5.2xlarge\", \"InstanceCount\": 3"), out);
    // 8 vCPUs / 4 threads = 2 maps per node; vcores enforced by the DominantResourceCalculator.
    assertTrue(r[2].contains("m5.2xlarge has 8 vCPUs and 24576 MB for YARN; 2 map(s) x 4 engine thread(s) per node"), r[2]);
    assertTrue(out.contains("\"mapreduce.map.cpu.vcores\": \"4\""), out);
    assertTrue(out.contains("DominantResourceCalculator"), out);

    Matcher steps = Pattern.compile("\"Name\": \"fruits (\\w+)\".*?\"Jar\": \"([^\"]+)\",\\s*\"Args\": \\[([^]]*)]", Pattern.DOTALL).matcher(out);
    List<String> stages = List.of("pack", "features", "stats", "pca", "export");
    for (String stage : stages) {
      assertTrue(steps.find(), "step " + stage);
      assertEquals(stage, steps.group(1));
      assertEquals("s3://acme-fruits/fruits/jars/fruits-job.jar", steps.group(2));
      assertEquals("\"run\", \"-D\", \"model.path=s3a://acme-fruits/fruits/models/squeezenet1.1-features.onnx\", \"-D\", "
          + "\"engine.threads=4\", \"-D\", \"features.batch.size=32\", \"--input\", \"s3a://acme-fruits/fruits-360\", "
          + "\"--output\", \"s3a://acme-fruits/fruits/runs/r1\", \"--model\", \"squeezenet1.1\", \"--until\", \"" + stage + "\"", steps.group(3));
    }
  }

  @Test
  void emrRefusesBadSizingWithOneLine() throws Exception {
    String[] r = run("bash", "scripts/emr", "--bucket", "b", "--input", "s3a://b/in", "--engine-threads", "8", "--dry-run");
    assertEquals("2", r[0]);
    assertEquals("emr: --engine-threads 8 exceeds the 4 vCPUs of m5.xlarge\n", r[2].substring(r[2].indexOf("emr:")));
    r = run("bash", "scripts/emr", "--bucket", "b", "--input", "/local/path", "--dry-run");
    assertEquals("emr: --input must be an s3a:// URI of the image tree; see scripts/emr --help\n", r[2]);
  }

  @Test
  void everyScriptPassesShellcheck() throws Exception {
    boolean present = new File("/usr/bin/shellcheck").canExecute() || new File("/usr/local/bin/shellcheck").canExecute();
    Assumptions.assumeTrue(present, "SKIPPED: shellcheck is not installed (Debian package shellcheck)");
    String[] r = run("shellcheck", "scripts/fruits", "scripts/emr", "scripts/bench", "scripts/test", ".ci/run");
    assertEquals("0", r[0], r[1] + r[2]);
  }
}
