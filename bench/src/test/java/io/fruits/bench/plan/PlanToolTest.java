package io.fruits.bench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fruits plan} end to end on the saved rates: rows, the choice for a deadline, usage errors. */
class PlanToolTest {
  private static String plan(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, new PlanTool(new PrintStream(out, true, StandardCharsets.UTF_8)).run(args));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyInstanceTypeGetsARowAndTheRateNamesItsMeasurement() throws Exception {
    String md = plan("--images", "90380", "--model", "squeezenet1.1");
    for (String type : InstanceType.all().keySet()) {
      assertTrue(md.contains("| " + type + " |"), type + "\n" + md);
    }
    Throughput rate = Throughput.measured().get("squeezenet1.1");
    assertTrue(md.contains(rate.processor()) && md.contains(rate.date()), md);
    assertTrue(md.contains("dollars are left out"), md);
  }

  @Test
  void withPricesTheDeadlinePicksTheCheapestType(@TempDir Path dir) throws Exception {
    // Made-up prices: c5.4xlarge far below the others, so it must win whatever the rate.
    StringBuilder tsv = new StringBuilder("type\tec2_usd_per_hour\temr_usd_per_hour\tdate\tsource\n");
    for (String type : InstanceType.all().keySet()) {
      tsv.append(type).append(type.equals("c5.4xlarge") ? "\t0.01\t0.001" : "\t1.00\t0.25").append("\ttest\tmade up for the test\n");
    }
    Path prices = Files.writeString(dir.resolve("prices.tsv"), tsv);
    String md = plan("--images", "90380", "--model", "squeezenet1.1", "--deadline", "2", "--prices", prices.toString());
    assertTrue(md.lines().anyMatch(l -> l.startsWith("Cheapest within 2.00 h: ") && l.contains("x c5.4xlarge")), md);
  }

  @Test
  void everyMeasuredPresetHasAMapContainerSize() throws Exception {
    for (String preset : Throughput.measured().keySet()) {
      assertTrue(MapContainer.megabytes(preset) > 1024, preset);
    }
    assertEquals(1024 + 256 + 32 * 40, MapContainer.megabytes("vgg16"));
    assertThrows(IllegalArgumentException.class, () -> MapContainer.megabytes("vgg19"));
  }

  @Test
  void wrongUsageIsOneLineThatSaysWhatToGive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan("--model", "squeezenet1.1"));
    assertTrue(e.getMessage().startsWith("missing --images N"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> plan("--images", "10", "--model", "resnet"));
    assertTrue(e.getMessage().contains("use one of"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> plan("--images", "10", "--model", "squeezenet1.1", "--nodes", "3", "--deadline", "1"));
    assertTrue(e.getMessage().contains("not both"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> plan("--images", "10", "--model", "squeezenet1.1", "--prices", "/no/such/prices"));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    for (String deadline : new String[] {"-1", "0", "NaN", "8761", "1e308"}) {
      e = assertThrows(IllegalArgumentException.class, () -> plan("--images", "10", "--model", "squeezenet1.1", "--deadline", deadline));
      assertTrue(e.getMessage().contains("above 0 and at most 8760"), e.getMessage());
    }
  }
}
