package io.quire.kernel.common;

/**
 * The metadata every message carries about the HTTP request that caused it. The api module puts the
 * request's id ({@code X-Request-Id}) on every command it sends; Axon copies it to every event the
 * command applies, next to its own {@code correlationId} and {@code traceId}; the audit read shows
 * it. The same key names the id in the logging context (MDC), so log lines and events agree.
 */
public final class RequestMetadata {

  /** The key of the request id in a message's metadata and in the logging context. */
  public static final String REQUEST_ID = "requestId";

  private RequestMetadata() {}
}
