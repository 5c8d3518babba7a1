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
 * (AWS could not be reached where it was built): {@code scripts/emr-prices} fetches them from the
 * AWS Price List API, or a user's file has the columns
 * {@code type, ec2_usd_per_hour, emr_usd_per_hour, date, source}.
 */
public record HourlyPrice(String type, double ec2, double emr, String date, String source) {
  public double total() {
    return ec2 + emr;
  }

  /** A tab-separated file as above, or a folder of Price List API answers written by {@code scripts/emr-prices}. */
  public static Map<String, HourlyPrice> read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      return fromPriceList(file);
    }
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

  /**
   * {@code ec2-TYPE.json} and {@code emr-TYPE.json} for each type fetched, and {@code source.txt},
   * the line saying where and when they were read; the date is the later publication date of the two.
   */
  static Map<String, HourlyPrice> fromPriceList(Path dir) throws IOException {
    String source = Files.readString(dir.resolve("source.txt")).strip();
    Map<String, HourlyPrice> prices = new LinkedHashMap<>();
    for (String type : InstanceType.all().keySet()) {
      Path ec2 = dir.resolve("ec2-" + type + ".json");
      Path emr = dir.resolve("emr-" + type + ".json");
      if (Files.exists(ec2) && Files.exists(emr)) {
        PriceListAnswer a = PriceListAnswer.read(ec2);
        PriceListAnswer b = PriceListAnswer.read(emr);
        String date = a.publicationDate().compareTo(b.publicationDate()) >= 0 ? a.publicationDate() : b.publicationDate();
        prices.put(type, new HourlyPrice(type, a.usdPerHour(), b.usdPerHour(), date, source));
      }
    }
    if (prices.isEmpty()) {
      throw new IllegalArgumentException(dir + " holds no ec2-TYPE.json and emr-TYPE.json pair; write it with scripts/emr-prices");
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
