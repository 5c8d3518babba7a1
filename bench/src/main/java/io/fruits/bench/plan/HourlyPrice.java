package io.fruits.bench.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one instance of a type costs per hour on EMR, on demand: the EC2 price plus the EMR price,
 * both in US dollars, with the date they were read and where from. The product ships no prices
 * (none could be read from AWS where it was built); a user's file has the columns
 * {@code type, ec2_usd_per_hour, emr_usd_per_hour, date, source}.
 */
public record HourlyPrice(String type, double ec2, double emr, String date, String source) {
  public double total() {
    return ec2 + emr;
  }

  public static Map<String, HourlyPrice> read(Path file) throws IOException {
    Map<String, HourlyPrice> prices = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (String[] r : Tsv.rows(in, file.toString())) {
        HourlyPrice p = new HourlyPrice(r[0], dollars(r[1], file), dollars(r[2], file), r[3], r[4]);
        if (p.date.isBlank() || p.source.isBlank()) {
          throw new IllegalArgumentException(file + ": the price of " + p.type + " needs its date and its source");
        }
        prices.put(p.type, p);
      }
    }
    return prices;
  }

  private static double dollars(String s, Path file) {
    try {
      double d = Double.parseDouble(s);
      if (d >= 0 && Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(file + ": '" + s + "' is not a price in dollars per hour");
  }
}
