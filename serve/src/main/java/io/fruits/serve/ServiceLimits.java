package io.fruits.serve;

import java.time.Duration;

/**
 * What one service instance accepts, so that no burst of uploads can exhaust its memory or threads:
 *
 * @param maxBytes largest photo accepted (413 above)
 * @param maxPixels largest photo accepted, read from its header before decoding (413 above); also
 *     the pixels decoded at once ({@link DecodeBudget})
 * @param queue photos that may wait for the model while one is computed; more get 503 with
 *     {@code Retry-After}. Photos in memory at once are at most {@code queue + 1}
 * @param deadline how long a request may take from its first byte to its answer; a photo still
 *     waiting then gets 503 and is never computed
 * @param minUploadRate bytes per second below which an upload is cut off (408), so that slow
 *     clients cannot hold the threads
 * @param threads Jetty's worker threads; the work waiting for them is bounded too
 */
record ServiceLimits(long maxBytes, long maxPixels, int queue, Duration deadline, long minUploadRate, int threads) {
  static final ServiceLimits DEFAULTS =
      new ServiceLimits(10L * 1024 * 1024, io.fruits.features.ImageDecoder.DEFAULT_MAX_PIXELS, 8, Duration.ofSeconds(20), 16 * 1024, 32);

  ServiceLimits {
    if (maxBytes < 1 || maxPixels < 1 || queue < 0 || deadline.isNegative() || deadline.isZero() || minUploadRate < 0 || threads < 8) {
      throw new IllegalArgumentException("service limits out of range: " + this.toString());
    }
  }

  ServiceLimits withMaxBytes(long bytes) {
    return new ServiceLimits(bytes, maxPixels, queue, deadline, minUploadRate, threads);
  }
}
