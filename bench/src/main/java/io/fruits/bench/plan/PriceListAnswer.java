package io.fruits.bench.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fruits.core.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The on-demand price per hour in one answer of the AWS Price List API ({@code aws pricing
 * get-products ... --output json}, saved by {@code scripts/emr-prices}): its {@code PriceList}
 * holds products as JSON strings, each with {@code terms.OnDemand.*.priceDimensions.*} priced in
 * {@code pricePerUnit.USD} per {@code Hrs}. The filters must leave one price: an answer with none
 * or with several different ones is refused rather than guessed at.
 */
record PriceListAnswer(double usdPerHour, String publicationDate) {
  static PriceListAnswer read(Path json) throws IOException {
    Map<Double, String> prices;
    try {
      prices = hourlyPrices(json);
    } catch (RuntimeException e) { // malformed JSON, or a field missing where the API always has one
      throw new IllegalArgumentException(json + " is not an answer of aws pricing get-products (" + e.getClass().getSimpleName()
          + "); fetch it again with scripts/emr-prices");
    }
    if (prices.size() != 1) {
      throw new IllegalArgumentException(json + ": " + (prices.isEmpty() ? "no on-demand hourly price" : "several on-demand hourly prices "
          + prices.keySet()) + "; fetch it again with scripts/emr-prices, whose filters leave one");
    }
    Map.Entry<Double, String> only = prices.entrySet().iterator().next();
    return new PriceListAnswer(only.getKey(), only.getValue());
  }

  /** Every distinct on-demand hourly price of the answer, with its product's publication date. */
  private static Map<Double, String> hourlyPrices(Path json) throws IOException {
    Map<Double, String> prices = new TreeMap<>();
    for (JsonElement item : JsonFiles.read(json).getAsJsonObject().getAsJsonArray("PriceList")) {
      // The CLI returns each product as a string of JSON; some SDKs as an object.
      JsonObject product = item.isJsonPrimitive() ? JsonParser.parseString(item.getAsString()).getAsJsonObject() : item.getAsJsonObject();
      JsonObject onDemand = product.getAsJsonObject("terms").getAsJsonObject("OnDemand");
      if (onDemand == null) {
        continue;
      }
      for (Map.Entry<String, JsonElement> term : onDemand.entrySet()) {
        for (Map.Entry<String, JsonElement> d : term.getValue().getAsJsonObject().getAsJsonObject("priceDimensions").entrySet()) {
          JsonObject dimension = d.getValue().getAsJsonObject();
          if ("Hrs".equals(dimension.get("unit").getAsString())) {
            prices.put(Double.parseDouble(dimension.getAsJsonObject("pricePerUnit").get("USD").getAsString()),
                product.get("publicationDate").getAsString());
          }
        }
      }
    }
    return prices;
  }
}
