package io.fruits.bench;

import io.fruits.core.ByteSizes;
import java.util.Locale;

/**
 * What Parquet output costs and saves beside CSV, measured on the synthetic vectors: the bytes of
 * each format's part files (features and components together) and the projection job's time
 * writing CSV alone, then CSV and Parquet. Kept apart from the synthetic stage times, so the
 * stats + PCA + projection goal keeps measuring the default output.
 */
record ExportFormats(double csvSeconds, double csvAndParquetSeconds, long csvBytes, long parquetBytes) {

  String markdownLine() {
    return String.format(Locale.ROOT,
        "- export formats on the synthetic vectors (features and components): CSV part files %s, Parquet %s (%.0f%% of CSV); "
            + "projection job writing CSV alone %.2f s, CSV and Parquet %.2f s (Parquet adds %.2f s)%n",
        ByteSizes.human(csvBytes), ByteSizes.human(parquetBytes), 100.0 * parquetBytes / csvBytes,
        csvSeconds, csvAndParquetSeconds, csvAndParquetSeconds - csvSeconds);
  }

  String csvRows() {
    return String.format(Locale.ROOT, "export_csv_s,%.3f,,,%d,%nexport_csv_and_parquet_s,%.3f,,,%d,%n",
        csvSeconds, csvBytes, csvAndParquetSeconds, parquetBytes);
  }
}
