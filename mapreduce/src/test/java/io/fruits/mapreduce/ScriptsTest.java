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
import org.junit.jupiter.api.io.TempDir;

/** The shell scripts: the EMR dry run's calls and JSON, and shellcheck over every script. */
class ScriptsTest {
  static final Path REPO = Paths.get("..").toAbsolutePath().normalize();

  static String[] run(String... command) throws Exception {
    return runIn(REPO, command);
  }

  static String[] runIn(Path dir, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    // A dry run keeps its JSON folder (mktemp) for the calls it prints: in the build tree, not /tmp.
    pb.environment().put("TMPDIR", java.nio.file.Files.createDirectories(Paths.get("target/script-tmp").toAbsolutePath()).toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new String[] {Integer.toString(p.waitFor()), out, err};
  }

  @Test
  void emrDryRunPrintsAHadoopOnlyClusterAndOneHadoopJarStepPerStage() throws Exception {
    String[] r = run("bash", "scripts/emr", "--bucket", "acme-fruits", "--input", "s3a://acme-fruits/fruits-360",
        "--instance-type", "m5.2xlarge", "--instance-count", "3", "--engine-threads", "4", "--run", "r1", "--kms-key", "alias/fruits",
        "--dry-run");
    assertEquals("0", r[0], r[2]);
    String out = r[1];
    assertTrue(out.contains("aws emr create-cluster --region eu-west-1 --name fruits-r1 --release-label emr-7.5.0 "
        + "--applications Name=Hadoop --service-role fruits-emr-service-acme-fruits --security-configuration fruits-r1"), out);
    assertTrue(out.contains("--ec2-attributes InstanceProfile=fruits-emr-ec2-acme-fruits"), out);
    assertTrue(!out.contains("--use-default-roles"), "the default roles reach every bucket of the account");
    assertTrue(out.contains("--log-uri s3://acme-fruits/fruits/logs/ --auto-termination-policy IdleTimeout=3600"), out);
    assertTrue(out.contains("aws s3 cp " + REPO.resolve("mapreduce/target/fruits-job.jar") + " s3://acme-fruits/fruits/jars/fruits-job.jar"), out);
    assertTrue(out.contains("aws emr terminate-clusters --region eu-west-1 --cluster-ids j-DRYRUN"), out);
    assertTrue(out.contains("aws s3 cp s3://acme-fruits/fruits/runs/r1/pca.csv ./emr-r1/pca.csv"), out);
    assertTrue(out.contains("\"InstanceType\": \"m5.2xlarge\", \"InstanceCount\": 3"), out);
    // 8 vCPUs / 4 threads = 2 maps per node; vcores enforced by the DominantResourceCalculator.
    assertTrue(r[2].contains("m5.2xlarge has 8 vCPUs and 24576 MB for YARN; 2 map(s) x 4 engine thread(s) per node"), r[2]);
    assertTrue(out.contains("\"mapreduce.map.cpu.vcores\": \"4\""), out);
    assertTrue(out.contains("DominantResourceCalculator"), out);
    assertTrue(r[2].contains("# splits: 3 node(s) x 2 map slot(s) x 3 waves = 18 feature map tasks; the driver divides the packed bytes by 18"), r[2]);
    // Given the packed size, the plan shows the split: 400 MB / 18 tasks, rounded up.
    String[] sized = run("bash", "scripts/emr", "--bucket", "acme-fruits", "--input", "s3a://acme-fruits/fruits-360",
        "--instance-type", "m5.2xlarge", "--instance-count", "3", "--engine-threads", "4", "--kms-key", "alias/fruits", "--input-mb", "400", "--dry-run");
    assertTrue(sized[2].contains("400 MB packed / 18 = splits of 23301689 bytes"), sized[2]);

    Matcher steps = Pattern.compile("\"Name\": \"fruits (\\w+)\".*?\"Jar\": \"([^\"]+)\",\\s*\"Args\": \\[([^]]*)]", Pattern.DOTALL).matcher(out);
    List<String> stages = List.of("pack", "features", "stats", "pca", "export");
    for (String stage : stages) {
      assertTrue(steps.find(), "step " + stage);
      assertEquals(stage, steps.group(1));
      assertEquals("s3://acme-fruits/fruits/jars/fruits-job.jar", steps.group(2));
      assertEquals("\"run\", \"-D\", \"model.path=s3a://acme-fruits/fruits/models/squeezenet1.1-features.onnx\", \"-D\", "
          + "\"engine.threads=4\", \"-D\", \"features.batch.size=32\", \"-D\", \"pack.job.min.files=0\", \"--input\", \"s3a://acme-fruits/fruits-360\", "
          + "\"--output\", \"s3a://acme-fruits/fruits/runs/r1\", \"--model\", \"squeezenet1.1\", \"--until\", \"" + stage + "\"", steps.group(3));
    }
  }

  @Test
  void emrRefusesBadSizingWithOneLine() throws Exception {
    String[] r = run("bash", "scripts/emr", "--bucket", "b1b", "--input", "s3a://b1b/in", "--kms-key", "alias/k", "--engine-threads", "8", "--dry-run");
    assertEquals("2", r[0]);
    assertEquals("emr: --engine-threads 8 exceeds the 4 vCPUs of m5.xlarge\n", r[2].substring(r[2].indexOf("emr:")));
    r = run("bash", "scripts/emr", "--bucket", "b1b", "--input", "/local/path", "--dry-run");
    assertEquals("emr: --input must be an s3a:// URI of the image tree; see scripts/emr --help\n", r[2]);
  }

  static final String[] DRY_RUN = {"bash", "scripts/emr", "--bucket", "acme-fruits", "--input",
      "s3a://acme-fruits/photos/it's a \"test\"\\", "--run", "r2", "--kms-key", "alias/fruits", "--subnet", "subnet-0123abcd", "--dry-run"};

  @Test
  void emrDryRunLimitsTheInstancesToTheRunsPrefixesAndEncryptsEverything() throws Exception {
    String[] r = run(DRY_RUN);
    assertEquals("0", r[0], r[2]);
    Path work = Paths.get(r[1].substring(r[1].lastIndexOf("are in ") + 7).trim());
    com.google.gson.JsonObject policy = json(work.resolve("instance-policy.json")).getAsJsonObject();
    String statements = policy.get("Statement").toString();
    assertTrue(statements.contains("\"arn:aws:s3:::acme-fruits/fruits/*\""), statements);
    assertTrue(statements.contains("arn:aws:s3:::acme-fruits/photos/it's a \\\"test\\\"\\\\*"), "the input, JSON-escaped: " + statements);
    assertTrue(!statements.contains("\"s3:*\"") && !statements.contains("\"arn:aws:s3:::*\""), statements);
    com.google.gson.JsonObject enc = json(work.resolve("security-configuration.json")).getAsJsonObject().getAsJsonObject("EncryptionConfiguration");
    assertEquals("SSE-KMS", enc.getAsJsonObject("AtRestEncryptionConfiguration").getAsJsonObject("S3EncryptionConfiguration").get("EncryptionMode").getAsString());
    assertTrue(enc.getAsJsonObject("AtRestEncryptionConfiguration").has("LocalDiskEncryptionConfiguration"), enc.toString());
    assertTrue(enc.get("EnableInTransitEncryption").getAsBoolean());
    assertTrue(r[1].contains("aws s3api get-public-access-block --region eu-west-1 --bucket acme-fruits"), r[1]);
    assertTrue(r[1].contains("SubnetId=subnet-0123abcd"), r[1]);
    for (String f : new String[] {"steps.json", "instance-groups.json", "configurations.json", "ec2-trust.json", "emr-trust.json"}) {
      json(work.resolve(f)); // well-formed whatever the values
    }
  }

  static String[] withEdition(String edition, String... more) {
    java.util.List<String> c = new java.util.ArrayList<>(java.util.Arrays.asList(DRY_RUN));
    c.add("--edition");
    c.add(edition);
    c.addAll(java.util.Arrays.asList(more));
    return c.toArray(String[]::new);
  }

  @Test
  void emrSparkPlanSubmitsOneApplicationWithTheMapTasksContainers() throws Exception {
    String[] r = run(withEdition("spark", "--instance-type", "m5.2xlarge", "--instance-count", "3", "--engine-threads", "4"));
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("--release-label emr-spark-8.0.0 --applications Name=Spark "), r[1]);
    assertTrue(r[1].contains("s3://acme-fruits/fruits/jars/fruits-spark.jar"), r[1]);
    Path work = Paths.get(r[1].substring(r[1].lastIndexOf("are in ") + 7).trim());
    com.google.gson.JsonArray steps = json(work.resolve("steps.json")).getAsJsonArray();
    assertEquals(1, steps.size(), steps.toString());
    com.google.gson.JsonObject step = steps.get(0).getAsJsonObject();
    assertEquals("command-runner.jar", step.get("Jar").getAsString());
    java.util.List<String> args = new java.util.ArrayList<>();
    step.getAsJsonArray("Args").forEach(a -> args.add(a.getAsString()));
    String line = String.join(" ", args);
    // m5.2xlarge: 8 vCPUs, 24576 MB; 4 threads a task -> 2 per node, x 3 nodes, less the one the
    // driver's application master displaces (no vcore left beside 2 x 4). The container is the
    // map task's: 1024 MB heap + 576 MB native (squeezenet1.1, batch 32) = 1600 MB.
    assertTrue(line.startsWith("spark-submit --master yarn --deploy-mode cluster --class io.fruits.spark.SparkMain --num-executors 5 "
        + "--executor-cores 4 --executor-memory 1024m --conf spark.executor.memoryOverhead=576m --conf spark.task.cpus=4 "), line);
    assertTrue(line.contains("--input s3a://acme-fruits/photos/it's a \"test\"\\ --output s3a://acme-fruits/fruits/runs/r2 --model squeezenet1.1"), line);
    String[] mapReduce = run(withEdition("mapreduce", "--instance-type", "m5.2xlarge", "--instance-count", "3", "--engine-threads", "4"));
    assertEquals("0", mapReduce[0], mapReduce[2]);
    Path mrWork = Paths.get(mapReduce[1].substring(mapReduce[1].lastIndexOf("are in ") + 7).trim());
    String mapred = json(mrWork.resolve("configurations.json")).toString();
    assertTrue(mapred.contains("\"mapreduce.map.cpu.vcores\":\"4\"") && mapred.contains("\"mapreduce.map.memory.mb\":\"1600\""), mapred);
    assertTrue(mapReduce[1].contains("--release-label emr-7.5.0 --applications Name=Hadoop "), mapReduce[1]);
    assertTrue(json(work.resolve("instance-groups.json")).toString().equals(json(mrWork.resolve("instance-groups.json")).toString()), "same instances");
    String[] wrong = run(withEdition("spark", "--release", "emr-7.5.0"));
    assertEquals("2", wrong[0]);
    assertTrue(wrong[2].startsWith("emr: the Spark edition is built for Spark 4.0 and Scala 2.13"), wrong[2]);
  }

  @Test
  void hostileValuesAreRefusedWithOneLineAndNeverRun() throws Exception {
    Path marker = Paths.get(System.getProperty("java.io.tmpdir"), "fruits-emr-pwned");
    java.nio.file.Files.deleteIfExists(marker);
    String[][] cases = {
        {"--engine-threads", "x[$(touch " + marker + ")]", "--engine-threads is 'x[$(touch " + marker + ")]'; give a whole number from 1 to 512"},
        {"--instance-count", "a[$(touch " + marker + ")]", "--instance-count is 'a[$(touch " + marker + ")]'; give a whole number from 1 to 1000"},
        {"--idle-timeout", "1e3", "--idle-timeout is '1e3'; give a whole number from 60 to 604800"},
        {"--run", "r1\", \"Jar\": \"evil", "--run is 'r1\", \"Jar\": \"evil'; give letters, digits, dots, dashes or underscores"},
        {"--bucket", "Bad_Bucket", "--bucket is 'Bad_Bucket'; give an S3 bucket name"}};
    for (String[] c : cases) {
      String[] r = run("bash", "scripts/emr", "--bucket", "b1b", "--input", "s3a://b1b/in", "--kms-key", "alias/k", c[0], c[1], "--dry-run");
      assertEquals("2", r[0], r[2]);
      assertEquals("emr: " + c[2] + "\n", r[2]);
    }
    assertTrue(!java.nio.file.Files.exists(marker), "a value ran a command");
    String[] r = run("bash", "scripts/emr", "--bucket", "b1b", "--input", "s3a://b1b/in", "--dry-run");
    assertEquals("2", r[0]);
    assertTrue(r[2].startsWith("emr: local-disk encryption needs a KMS key"), r[2]);
  }

  @Test
  void aFailedStepOrWaitStillTerminatesTheClusterAndLeavesNoKeyBehind(@TempDir Path bin, @TempDir Path tmp) throws Exception {
    Path log = bin.resolve("calls.log");
    // A stand-in for the AWS CLI: every call is logged; waits fail, the last step fails.
    java.nio.file.Files.writeString(bin.resolve("aws"), String.join("\n",
        "#!/usr/bin/env bash",
        "echo \"$*\" >> '" + log + "'",
        "case \"$1 $2\" in",
        "  'emr wait') exit 255 ;;",
        "  's3api get-public-access-block') echo 'True True True True' ;;",
        "  'emr create-cluster') echo j-FAKE ;;",
        "  'emr add-steps') echo s-FAKE ;;",
        "  'emr describe-step') echo FAILED ;;",
        "esac",
        "exit 0", ""));
    new File(bin.resolve("aws").toString()).setExecutable(true);
    Path jar = java.nio.file.Files.createTempFile(bin, "job", ".jar");
    ProcessBuilder pb = new ProcessBuilder("bash", "scripts/emr", "--bucket", "acme-fruits", "--input", "s3a://acme-fruits/in", "--kms-key",
        "alias/k", "--jar", jar.toString(), "--model-file", jar.toString(), "--poll-seconds", "0").directory(REPO.toFile()).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("TMPDIR", tmp.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.waitFor(), out);
    assertTrue(out.contains("emr: the last step ended FAILED"), out);
    assertTrue(java.nio.file.Files.readString(log).contains("emr terminate-clusters --region eu-west-1 --cluster-ids j-FAKE"),
        java.nio.file.Files.readString(log));
    // The folder held the cluster's TLS private key: gone with the script, whatever its end.
    try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(tmp)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void aDryRunKeepsItsJsonButMakesNoKey() throws Exception {
    String[] r = run("bash", "scripts/emr", "--bucket", "b1b", "--input", "s3a://b1b/in", "--kms-key", "alias/k", "--dry-run");
    assertEquals("0", r[0], r[2]);
    String kept = r[1].lines().filter(l -> l.startsWith("# the JSON files of these calls are in ")).findFirst().orElseThrow()
        .substring("# the JSON files of these calls are in ".length());
    assertTrue(java.nio.file.Files.exists(Paths.get(kept, "steps.json")), kept);
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Paths.get(kept))) {
      assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".pem")).toList());
    }
  }

  private static com.google.gson.JsonElement json(Path file) throws Exception {
    return com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(file));
  }

  @Test
  void emrRefusesAClusterWithNoTaskBesideTheApplicationMaster() throws Exception {
    String[] r = run("bash", "scripts/emr", "--bucket", "b1b", "--input", "s3a://b1b/in", "--kms-key", "alias/k", "--instance-count", "1",
        "--engine-threads", "4", "--dry-run");
    assertEquals("2", r[0], r[2]);
    assertEquals("emr: 1 m5.xlarge node(s) of 1 task(s) leave no task beside the application master; give a larger --instance-count or fewer --engine-threads",
        r[2].strip());
    // With 2 threads the node keeps one task beside it.
    assertEquals("0", run("bash", "scripts/emr", "--bucket", "b1b", "--input", "s3a://b1b/in", "--kms-key", "alias/k", "--instance-count", "1",
        "--model-file", "scripts/emr", "--dry-run")[0]);
  }

  @Test
  void emrPricesWritesOnlyIntoANewFolderAndTakesOnlyARegion(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path full = java.nio.file.Files.createDirectories(dir.resolve("full"));
    java.nio.file.Files.writeString(full.resolve("notes.txt"), "mine");
    String[] r = run("bash", "scripts/emr-prices", "--output", full.toString());
    assertEquals("2", r[0], r[2]);
    assertEquals("emr-prices: " + full + " exists and is not empty; give --output a new folder", r[2].strip());
    assertEquals("mine", java.nio.file.Files.readString(full.resolve("notes.txt")));
    r = run("bash", "scripts/emr-prices", "--region", "eu-west-1; rm -rf /", "--dry-run");
    assertEquals("2", r[0], r[2]);
    assertTrue(r[2].strip().startsWith("emr-prices: --region is") && r[2].strip().lines().count() == 1, r[2]);
  }

  @Test
  void everyScriptPassesShellcheck() throws Exception {
    boolean present = new File("/usr/bin/shellcheck").canExecute() || new File("/usr/local/bin/shellcheck").canExecute();
    Assumptions.assumeTrue(present, "SKIPPED: shellcheck is not installed (Debian package shellcheck)");
    String[] r = run("shellcheck", "scripts/fruits", "scripts/emr", "scripts/emr-prices", "scripts/bench", "scripts/test", ".ci/run");
    assertEquals("0", r[0], r[1] + r[2]);
  }
}
