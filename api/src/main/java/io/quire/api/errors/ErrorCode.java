package io.quire.api.errors;

import java.util.Arrays;
import org.springframework.http.HttpStatus;

/** Every error the API answers with: its status, its code, and the message people read. */
public enum ErrorCode {
  VALIDATION_ERROR(HttpStatus.BAD_REQUEST, "Invalid input."),
  MALFORMED_JSON(HttpStatus.BAD_REQUEST, "The request body is not valid JSON."),
  STALE_TIMESTAMP(
      HttpStatus.BAD_REQUEST, "The webhook timestamp is more than 300 seconds from the server's."),
  NOT_AUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication credentials were not provided."),
  INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "Invalid token."),
  INVALID_SIGNATURE(HttpStatus.UNAUTHORIZED, "The webhook signature does not verify."),
  INVALID_CREDENTIALS(
      HttpStatus.UNAUTHORIZED, "Unable to log in with the provided username and password."),
  PERMISSION_DENIED(HttpStatus.FORBIDDEN, "You do not have permission to perform this action."),
  NOT_FOUND(HttpStatus.NOT_FOUND, "Not found."),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed."),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Only application/json responses are available."),
  CONFLICT(HttpStatus.CONFLICT, "Conflict."),
  LAST_ADMIN(HttpStatus.CONFLICT, "An org must keep at least one admin."),
  NOT_READY(HttpStatus.CONFLICT, "The export's file is not ready yet."),
  PRECONDITION_FAILED(
      HttpStatus.PRECONDITION_FAILED, "The resource has changed since the version you sent."),
  PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large."),
  UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type; send application/json."),
  TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; try again later."),
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred."),
  SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The service is unavailable.");

  private final HttpStatus status;
  private final String defaultMessage;

  ErrorCode(HttpStatus status, String defaultMessage) {
    this.status = status;
    this.defaultMessage = defaultMessage;
  }

  public HttpStatus status() {
    return status;
  }

  /** The wire code: {@code validation_error}, {@code not_found}, ... */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String defaultMessage() {
    return defaultMessage;
  }

  /** The generic code for a status the server produced without saying why (e.g. Tomcat). */
  public static ErrorCode forStatus(int status) {
    if (status == 400) {
      return VALIDATION_ERROR;
    }
    return Arrays.stream(values())
        .filter(c -> c.status.value() == status)
        .findFirst()
        .orElse(status >= 500 ? INTERNAL_ERROR : VALIDATION_ERROR);
  }
}
