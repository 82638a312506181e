package io.quire.api.web;

import io.quire.kernel.common.RequestMetadata;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id of an HTTP request: the client's {@code X-Request-Id} when it is sane, otherwise a random
 * UUID. Sane means 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._-]}: enough for a
 * UUID, a ULID or a proxy's id, and nothing that could forge a log line, break a log query or a
 * header (no spaces, quotes, control characters or non-ASCII). A request with no such header, an
 * insane value or the header twice gets a fresh id.
 */
public final class RequestIds {

  /** The request and response header. */
  public static final String HEADER = "X-Request-Id";

  /** The longest id taken from a client. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

  private RequestIds() {}

  /** Whether {@code candidate} may be used as a request id as it is. */
  public static boolean isSane(String candidate) {
    return candidate != null && SANE.matcher(candidate).matches();
  }

  /** The id of a request whose {@value #HEADER} headers are {@code sent}. */
  public static String choose(List<String> sent) {
    return sent.size() == 1 && isSane(sent.get(0)) ? sent.get(0) : fresh();
  }

  /** A new id: a random UUID. */
  public static String fresh() {
    return UUID.randomUUID().toString();
  }

  /** The id of the request this thread is serving, if any (from the logging context). */
  public static Optional<String> current() {
    return Optional.ofNullable(MDC.get(RequestMetadata.REQUEST_ID));
  }
}
