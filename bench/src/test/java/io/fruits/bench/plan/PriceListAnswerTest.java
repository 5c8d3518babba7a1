package io.fruits.bench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers of the AWS Price List API in the shape {@code aws pricing get-products --output json}
 * prints (products as JSON strings, priced under terms.OnDemand); the prices are made up.
 */
class PriceListAnswerTest {
  @TempDir Path dir;

  /** One get-products answer: a product per price, each with one on-demand hourly dimension. */
  private Path answer(String file, String published, String... usd) throws Exception {
    JsonArray list = new JsonArray();
    for (int i = 0; i < usd.length; i++) {
      JsonObject dimension = new JsonObject();
      dimension.addProperty("unit", "Hrs");
      JsonObject price = new JsonObject();
      price.addProperty("USD", usd[i]);
      dimension.add("pricePerUnit", price);
      JsonObject dimensions = new JsonObject();
      dimensions.add("SKU" + i + ".JRTCKXETXF.6YS6EN2CT7", dimension);
      JsonObject term = new JsonObject();
      term.add("priceDimensions", dimensions);
      JsonObject onDemand = new JsonObject();
      onDemand.add("SKU" + i + ".JRTCKXETXF", term);
      JsonObject terms = new JsonObject();
      terms.add("OnDemand", onDemand);
      JsonObject product = new JsonObject();
      product.add("terms", terms);
      product.addProperty("publicationDate", published);
      list.add(product.toString());
    }
    JsonObject root = new JsonObject();
    root.addProperty("FormatVersion", "aws_v1");
    root.add("PriceList", list);
    return Files.writeString(dir.resolve(file), root.toString());
  }

  @Test
  void oneHourlyPriceIsReadWithItsPublicationDate() throws Exception {
    PriceListAnswer a = PriceListAnswer.read(answer("ec2.json", "2026-11-20T00:00:00Z", "0.2140000000", "0.2140000000"));
    assertEquals(0.214, a.usdPerHour(), 1e-12);
    assertEquals("2026-11-20T00:00:00Z", a.publicationDate());
  }

  @Test
  void noPriceOrSeveralAreRefused() throws Exception {
    Path several = answer("several.json", "2026-11-20T00:00:00Z", "0.2", "0.3");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PriceListAnswer.read(several)).getMessage().contains("several"));
    Path none = answer("none.json", "2026-11-20T00:00:00Z");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PriceListAnswer.read(none)).getMessage().contains("no on-demand"));
    Path html = Files.writeString(dir.resolve("html.json"), "{\"PriceList\": [\"<html>\"]}");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PriceListAnswer.read(html)).getMessage().contains("is not an answer"));
  }

  @Test
  void aFolderOfAnswersPricesThePlan() throws Exception {
    answer("ec2-m5.xlarge.json", "2026-11-01T00:00:00Z", "0.20");
    answer("emr-m5.xlarge.json", "2026-11-15T00:00:00Z", "0.05");
    Files.writeString(dir.resolve("source.txt"), "AWS Price List API (test answers)\n");
    Map<String, HourlyPrice> prices = HourlyPrice.read(dir);
    assertEquals(1, prices.size());
    HourlyPrice p = prices.get("m5.xlarge");
    assertEquals(0.25, p.total(), 1e-12);
    assertEquals("2026-11-15T00:00:00Z", p.date());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PlanTool(new PrintStream(out, true, StandardCharsets.UTF_8)).run(new String[] {"--images", "90380", "--model", "squeezenet1.1",
        "--instance-type", "m5.xlarge", "--nodes", "3", "--prices", dir.toString()});
    String md = out.toString(StandardCharsets.UTF_8);
    ClusterPlan expected = ClusterPlan.of(new ClusterPlan.Job(90380, Throughput.measured().get("squeezenet1.1").perVcpu(), 0),
        InstanceType.all().get("m5.xlarge"), 4, MapContainer.megabytes("squeezenet1.1"), 3, p);
    assertTrue(md.contains(String.format(java.util.Locale.ROOT, "| 0.2500 | %.2f |", expected.dollars())), md);
    assertTrue(md.contains("Prices: AWS Price List API (test answers) (2026-11-15T00:00:00Z)"), md);
  }
}
