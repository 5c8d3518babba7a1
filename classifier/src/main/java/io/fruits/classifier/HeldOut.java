package io.fruits.classifier;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which rows are kept out of training to fit the calibration: chosen by a checksum of the id, so
 * the same image is held out in every run and on every machine, whatever the order of the rows.
 */
final class HeldOut {
  private HeldOut() {}

  static boolean isHeldOut(String id, int percent) {
    CRC32 crc = new CRC32();
    crc.update(id.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 100 < percent;
  }
}
