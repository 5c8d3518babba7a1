package io.fruits.spark;

import io.fruits.features.RejectReason;
import java.io.Serializable;

/** One image's outcome: a vector, or the reason it gave none. */
final class FeatureRow implements Serializable {
  private static final long serialVersionUID = 1L;

  final String id;
  final String label;
  final float[] vector;
  final String reason;
  final String detail;

  private FeatureRow(String id, String label, float[] vector, String reason, String detail) {
    this.id = id;
    this.label = label;
    this.vector = vector;
    this.reason = reason;
    this.detail = detail;
  }

  static FeatureRow vector(String id, String label, float[] vector) {
    return new FeatureRow(id, label, vector, null, null);
  }

  static FeatureRow reject(String id, String label, RejectReason reason, String detail) {
    return new FeatureRow(id, label, null, reason.word(), detail);
  }

  boolean isReject() {
    return vector == null;
  }
}
