package io.fruits.features;

/** An input that cannot become a vector, with the reason and the decoder's own words. */
public final class RejectedImageException extends Exception {
  private final RejectReason reason;

  public RejectedImageException(RejectReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
