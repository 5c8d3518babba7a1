package io.fruits.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/emr --dry-run --images N} prints {@code fruits plan} for the cluster it would
 * create: its instance type, node count, engine threads and containers. Here, beside the cluster
 * tests, because the plan runs from the bench module's jar, built before this module.
 */
class EmrCostPlanIT {
  @Test
  void theDryRunPlansItsOwnCluster(@TempDir Path dir) throws Exception {
    Path jar = Files.createFile(dir.resolve("fruits-job.jar"));
    Path model = Files.createFile(dir.resolve("model.onnx"));
    ProcessBuilder pb = new ProcessBuilder("bash", "scripts/emr", "--bucket", "acme-fruits", "--input", "s3a://acme-fruits/in", "--kms-key", "alias/fruits",
        "--dry-run", "--jar", jar.toString(), "--model-file", model.toString(), "--instance-type", "m5.2xlarge", "--instance-count", "3",
        "--engine-threads", "4", "--images", "90380").directory(Path.of("..").toFile());
    pb.environment().put("TMPDIR", dir.toString()); // the dry run keeps its JSON folder: here, not in /tmp
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("aws emr create-cluster ")), out);
    // m5.2xlarge: 8 vCPUs, 4 threads a task: 2 tasks on each of 2 nodes, 1 beside the application master.
    List<String> rows = err.lines().filter(l -> l.startsWith("# | m")).toList();
    assertEquals(1, rows.size(), err);
    assertTrue(rows.get(0).startsWith("# | m5.2xlarge | 8 | 5 x 4 | 3 | "), rows.get(0));
    assertTrue(err.contains("# ## EMR plan: 90,380 images, squeezenet1.1"), err);
  }
}
