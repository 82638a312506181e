package io.quire.api.errors;

/** A request body went past the size limit while it was being read. */
public class PayloadTooLargeException extends RuntimeException {
  public PayloadTooLargeException() {
    super(ErrorCode.PAYLOAD_TOO_LARGE.defaultMessage());
  }
}
