package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every AWS CLI call that {@code scripts/emr --dry-run} prints, run by the real AWS CLI (Debian's
 * awscli) against a closed loopback endpoint with dummy keys: the CLI validates parameters and
 * JSON shapes before it connects, so "Could not connect" means the call is well-formed. Both
 * editions' plans: the same instances, Hadoop steps or one spark-submit step.
 */
class EmrPlanIT {
  @ParameterizedTest
  @ValueSource(strings = {"mapreduce", "spark"})
  void everyCallOfTheDryRunPassesTheAwsCliParameterValidation(String edition, @TempDir Path cwd) throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/aws").canExecute(), "SKIPPED: the AWS CLI is not installed (Debian package awscli)");
    // The CLI checks that files to upload exist; empty stand-ins keep the test free of ../shared.
    Path jar = java.nio.file.Files.createFile(cwd.resolve("fruits-" + edition + ".jar"));
    Path model = java.nio.file.Files.createFile(cwd.resolve("model.onnx"));
    String[] r = ScriptsTest.run(ScriptsTest.withEdition(edition, "--jar", jar.toString(), "--model-file", model.toString()));
    assertEquals("0", r[0], r[2]);
    List<String> calls = r[1].lines().filter(l -> l.startsWith("aws ")).toList();
    assertTrue(calls.size() >= 15, r[1]);
    assertTrue(r[1].contains("--applications Name=" + ("spark".equals(edition) ? "Spark" : "Hadoop")), r[1]);
    // Some calls name local folders (aws s3 cp ... ./emr-r1/): the CLI may create them before it connects.
    for (String call : calls) {
      // The printed call is shell-quoted: let bash split it exactly as a user's shell would.
      String[] v = ScriptsTest.runIn(cwd, "env", "AWS_ACCESS_KEY_ID=dummy", "AWS_SECRET_ACCESS_KEY=dummy", "AWS_EC2_METADATA_DISABLED=true", "AWS_CONFIG_FILE=/dev/null",
          "bash", "-c", "/usr/bin/aws " + call.substring(4) + " --endpoint-url http://127.0.0.1:9");
      assertTrue(v[2].contains("Could not connect to the endpoint URL"), call + "\n" + v[1] + v[2]);
    }
  }

  @Test
  void thePriceListCallsPassTheAwsCliParameterValidation(@TempDir Path cwd) throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/aws").canExecute(), "SKIPPED: the AWS CLI is not installed (Debian package awscli)");
    String[] r = ScriptsTest.run("bash", "scripts/emr-prices", "--region", "eu-west-1", "--dry-run");
    assertEquals("0", r[0], r[2]);
    List<String> calls = r[1].lines().filter(l -> l.startsWith("aws pricing get-products ")).toList();
    long types = java.nio.file.Files.readAllLines(ScriptsTest.REPO.resolve("bench/src/main/resources/io/fruits/bench/plan/instance-types.tsv")).stream()
        .filter(l -> !l.startsWith("#") && !l.startsWith("type\t")).count();
    assertEquals(2 * types, calls.size(), "an EC2 and an EMR call per instance type: " + r[1]);
    assertTrue(calls.size() >= 2 && calls.get(0).contains("AmazonEC2") && calls.get(1).contains("ElasticMapReduce"), r[1]);
    // One EC2 and one EMR call: the others differ only in the instance type.
    for (String call : calls.subList(0, 2)) {
      String[] v = ScriptsTest.runIn(cwd, "env", "AWS_ACCESS_KEY_ID=dummy", "AWS_SECRET_ACCESS_KEY=dummy", "AWS_EC2_METADATA_DISABLED=true", "AWS_CONFIG_FILE=/dev/null",
          "bash", "-c", "/usr/bin/aws " + call.substring(4) + " --endpoint-url http://127.0.0.1:9");
      assertTrue(v[2].contains("Could not connect to the endpoint URL"), call + "\n" + v[1] + v[2]);
    }
  }
}
