package io.quire.api.errors;

import java.util.List;
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

  /** A 400 {@code validation_error} with these field messages. */
  public static ApiException invalid(Map<String, List<String>> fieldMessages) {
    return new ApiException(
        ErrorCode.VALIDATION_ERROR,
        ErrorCode.VALIDATION_ERROR.defaultMessage(),
        fieldMessages,
        new HttpHeaders());
  }

  /** A 400 {@code validation_error} with one message on one field. */
  public static ApiException invalid(String field, String message) {
    return invalid(Map.of(field, List.of(message)));
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
