package io.quire.api.errors;

import java.util.Map;
import org.springframework.http.HttpHeaders;

/** An error answer decided by the API itself; rendered by {@link ErrorEnvelopeAdvice}. */
public class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final Map<String, ?> details;
  private final HttpHeaders headers;

  public ApiException(ErrorCode code, String message, Map<String, ?> details, HttpHeaders headers) {
    super(message);
    this.code = code;
    this.details = Map.copyOf(details);
    this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
  }

  public ApiException(ErrorCode code) {
    this(code, code.defaultMessage(), Map.of(), new HttpHeaders());
  }

  public ApiException(ErrorCode code, String message) {
    this(code, message, Map.of(), new HttpHeaders());
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, ?> details() {
    return details;
  }

  public HttpHeaders headers() {
    return headers;
  }
}
