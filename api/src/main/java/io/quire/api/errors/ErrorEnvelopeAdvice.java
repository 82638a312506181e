package io.quire.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quire.api.web.RequestIds;
import io.quire.command.accounts.InvalidCredentialsException;
import io.quire.command.accounts.TooManyLoginAttemptsException;
import io.quire.command.accounts.UsernameTakenException;
import io.quire.command.articles.ArticleArchivedException;
import io.quire.command.comments.ArticleNotOpenForCommentsException;
import io.quire.command.common.PermissionDeniedException;
import io.quire.command.orgs.AlreadyMemberException;
import io.quire.command.orgs.LastAdminException;
import io.quire.command.orgs.NotAMemberException;
import io.quire.command.orgs.SlugTakenException;
import io.quire.command.privacy.ErasedSubjectException;
import io.quire.command.tasks.AssigneeNotAMemberException;
import io.quire.command.webhooks.InvalidSignatureException;
import io.quire.command.webhooks.StaleTimestampException;
import io.quire.command.webhooks.UnknownExternalIdException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Owns the error envelope: every exception that reaches Spring MVC, from a controller, an
 * interceptor, a filter (through {@link FilterErrors}) or the error page ({@link
 * JsonErrorController}), is turned into {@link ErrorEnvelope} JSON here. Unexpected exceptions are
 * logged with the request's id ({@link RequestIds}), which the answer carries in {@code
 * details.error_id} and {@code X-Request-Id}; their text never reaches the client.
 */
@RestControllerAdvice
public class ErrorEnvelopeAdvice {

  private static final Logger log = LoggerFactory.getLogger(ErrorEnvelopeAdvice.class);
  private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ErrorEnvelope> api(ApiException e) {
    return answer(e.code(), e.getMessage(), e.details(), e.headers());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ErrorEnvelope> invalid(MethodArgumentNotValidException e) {
    Map<String, List<String>> details = new LinkedHashMap<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      details
          .computeIfAbsent(jsonName(error.getField()), k -> new ArrayList<>())
          // A binding failure's own message names Java types: never shown.
          .add(error.isBindingFailure() ? "Enter a valid value." : error.getDefaultMessage());
    }
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(
            g ->
                details
                    .computeIfAbsent("non_field_errors", k -> new ArrayList<>())
                    .add(g.getDefaultMessage()));
    details.replaceAll(
        (field, messages) ->
            // A missing field is only missing (as in Django REST Framework), not also blank.
            messages.contains(FieldMessages.REQUIRED)
                ? List.of(FieldMessages.REQUIRED)
                : messages.stream().sorted().toList());
    return answer(ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.defaultMessage(), details);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException e) {
    if (causedBy(e, PayloadTooLargeException.class)) {
      return answer(ErrorCode.PAYLOAD_TOO_LARGE);
    }
    if (causedBy(e, ErasedSubjectException.class)) {
      // A token of an erased person, still kept by this server for up to a second (ErasureWatch):
      // nothing of theirs may be written any more.
      return answer(
          ErrorCode.NOT_AUTHENTICATED, "This account's personal data has been erased.", Map.of());
    }
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return answer(
          ErrorCode.VALIDATION_ERROR,
          "Unknown field: " + unknown.getPropertyName() + ".",
          Map.of(path(unknown), List.of("Unknown field.")));
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return answer(
          ErrorCode.VALIDATION_ERROR,
          ErrorCode.VALIDATION_ERROR.defaultMessage(),
          Map.of(path(mismatch), List.of(BodyFieldMessages.of(mismatch))));
    }
    if (cause instanceof MismatchedInputException mismatch
        && !BodyFieldMessages.isTrailingContent(mismatch)) {
      return answer(
          ErrorCode.VALIDATION_ERROR,
          "Expected a JSON object.",
          Map.of("non_field_errors", List.of("Expected a JSON object.")));
    }
    if (cause instanceof InputCoercionException || cause instanceof StreamConstraintsException) {
      // Well-formed JSON with a number (or a nesting) beyond what its field or the reader takes.
      String message = BodyFieldMessages.beyondLimits(cause);
      return answer(
          ErrorCode.VALIDATION_ERROR, message, Map.of("non_field_errors", List.of(message)));
    }
    if (cause instanceof JsonProcessingException || cause == null) {
      return answer(
          ErrorCode.MALFORMED_JSON,
          cause == null
              ? "The request body is missing."
              : ErrorCode.MALFORMED_JSON.defaultMessage(),
          Map.of());
    }
    return answer(ErrorCode.MALFORMED_JSON);
  }

  /**
   * The command side's refusals. Axon hands a command handler's exception to the caller as it is
   * (or wrapped, when a command crossed a boundary): both reach {@link #refused(Exception)}.
   */
  @ExceptionHandler({
    PermissionDeniedException.class,
    SlugTakenException.class,
    AlreadyMemberException.class,
    NotAMemberException.class,
    LastAdminException.class,
    AssigneeNotAMemberException.class,
    ArticleArchivedException.class,
    ArticleNotOpenForCommentsException.class,
    ConflictingModificationException.class,
    UnknownExternalIdException.class,
    InvalidSignatureException.class,
    StaleTimestampException.class,
    AggregateNotFoundException.class,
    CommandExecutionException.class
  })
  ResponseEntity<ErrorEnvelope> refused(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      ResponseEntity<ErrorEnvelope> answer = refusal(t);
      if (answer != null) {
        return answer;
      }
    }
    return unexpected(e);
  }

  private static ResponseEntity<ErrorEnvelope> refusal(Throwable t) {
    if (t instanceof PermissionDeniedException) {
      return answer(ErrorCode.PERMISSION_DENIED);
    }
    if (t instanceof SlugTakenException) {
      return answer(
          ErrorCode.CONFLICT,
          "An org with this slug already exists.",
          Map.of("slug", List.of("An org with this slug already exists.")));
    }
    if (t instanceof AlreadyMemberException) {
      return answer(
          ErrorCode.CONFLICT,
          "This user is already a member of the org.",
          Map.of("username", List.of("This user is already a member of the org.")));
    }
    if (t instanceof LastAdminException) {
      return answer(ErrorCode.LAST_ADMIN);
    }
    if (t instanceof NotAMemberException || t instanceof AggregateNotFoundException) {
      // AggregateDeletedException too: a deleted task is gone.
      return answer(ErrorCode.NOT_FOUND);
    }
    if (t instanceof AssigneeNotAMemberException) {
      return answer(
          ErrorCode.VALIDATION_ERROR,
          ErrorCode.VALIDATION_ERROR.defaultMessage(),
          Map.of("assigned_to", List.of("This user is not a member of the org.")));
    }
    if (t instanceof ArticleArchivedException) {
      return answer(ErrorCode.CONFLICT, "The article is archived.", Map.of());
    }
    if (t instanceof ArticleNotOpenForCommentsException closed) {
      return closed.articleExists()
          ? answer(ErrorCode.CONFLICT, "Only published articles take comments.", Map.of())
          : answer(ErrorCode.NOT_FOUND);
    }
    if (t instanceof UnknownExternalIdException unknown) {
      return answer(ErrorCode.CONFLICT, unknown.getMessage(), Map.of());
    }
    if (t instanceof InvalidSignatureException) {
      return answer(ErrorCode.INVALID_SIGNATURE);
    }
    if (t instanceof StaleTimestampException) {
      return answer(ErrorCode.STALE_TIMESTAMP);
    }
    if (t instanceof ConflictingModificationException) {
      // A stale If-Match: the aggregate has events the client has not seen.
      return answer(ErrorCode.PRECONDITION_FAILED);
    }
    return null;
  }

  @ExceptionHandler(UsernameTakenException.class)
  ResponseEntity<ErrorEnvelope> usernameTaken(UsernameTakenException e) {
    return answer(
        ErrorCode.VALIDATION_ERROR,
        ErrorCode.VALIDATION_ERROR.defaultMessage(),
        Map.of("username", List.of("A user with that username already exists.")));
  }

  @ExceptionHandler(InvalidCredentialsException.class)
  ResponseEntity<ErrorEnvelope> invalidCredentials(InvalidCredentialsException e) {
    return answer(ErrorCode.INVALID_CREDENTIALS);
  }

  @ExceptionHandler(TooManyLoginAttemptsException.class)
  ResponseEntity<ErrorEnvelope> tooManyLogins(TooManyLoginAttemptsException e) {
    // Rounded up: a client that waits exactly this long finds the lock gone.
    long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return answer(
        ErrorCode.TOO_MANY_REQUESTS,
        "Too many failed logins for this username; try again later.",
        Map.of("retry_after_seconds", seconds),
        headers);
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ErrorEnvelope> notFound(Exception e) {
    return answer(ErrorCode.NOT_FOUND);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorEnvelope> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    HttpHeaders headers = new HttpHeaders();
    if (e.getSupportedHttpMethods() != null) {
      // In a stable order (the exception's is a hash set's).
      headers.setAllow(
          e.getSupportedHttpMethods().stream()
              .sorted(Comparator.comparing(HttpMethod::name))
              .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
    return answer(
        ErrorCode.METHOD_NOT_ALLOWED,
        "Method \"" + e.getMethod() + "\" not allowed.",
        Map.of(),
        headers);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorEnvelope> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return answer(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ErrorEnvelope> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return answer(ErrorCode.NOT_ACCEPTABLE);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ErrorEnvelope> tooLarge(MaxUploadSizeExceededException e) {
    return answer(ErrorCode.PAYLOAD_TOO_LARGE);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorEnvelope> missingParameter(MissingServletRequestParameterException e) {
    return answer(
        ErrorCode.VALIDATION_ERROR,
        ErrorCode.VALIDATION_ERROR.defaultMessage(),
        Map.of(e.getParameterName(), List.of(FieldMessages.REQUIRED)));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorEnvelope> typeMismatch(MethodArgumentTypeMismatchException e) {
    return answer(
        ErrorCode.VALIDATION_ERROR,
        ErrorCode.VALIDATION_ERROR.defaultMessage(),
        Map.of(e.getName(), List.of("Invalid value.")));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorEnvelope> unexpected(Exception e) {
    if (causedBy(e, PayloadTooLargeException.class)) {
      return answer(ErrorCode.PAYLOAD_TOO_LARGE);
    }
    if (causedBy(e, ErasedSubjectException.class)) {
      // A token of an erased person, still kept by this server for up to a second (ErasureWatch):
      // nothing of theirs may be written any more.
      return answer(
          ErrorCode.NOT_AUTHENTICATED, "This account's personal data has been erased.", Map.of());
    }
    if (e instanceof ErrorResponse known && known.getStatusCode().value() < 500) {
      // Spring's own client errors (a missing header, a bad request line, ...).
      return answer(ErrorCode.forStatus(known.getStatusCode().value()));
    }
    // The request's id: the answer, the X-Request-Id header and every log line of the request
    // (this one with the stack trace too) carry the one id a client can quote.
    String errorId = RequestIds.current().orElseGet(RequestIds::fresh);
    log.error("Unexpected error {}", errorId, e);
    return answer(
        ErrorCode.INTERNAL_ERROR,
        ErrorCode.INTERNAL_ERROR.defaultMessage(),
        Map.of("error_id", errorId));
  }

  private static ResponseEntity<ErrorEnvelope> answer(ErrorCode code) {
    return answer(code, code.defaultMessage(), Map.of());
  }

  private static ResponseEntity<ErrorEnvelope> answer(
      ErrorCode code, String message, Map<String, ?> details) {
    return answer(code, message, details, HttpHeaders.EMPTY);
  }

  private static ResponseEntity<ErrorEnvelope> answer(
      ErrorCode code, String message, Map<String, ?> details, HttpHeaders headers) {
    HttpHeaders all = new HttpHeaders();
    all.putAll(headers);
    all.setContentType(MediaType.APPLICATION_JSON);
    if (code.status().value() == 401 && !all.containsKey(HttpHeaders.WWW_AUTHENTICATE)) {
      all.set(HttpHeaders.WWW_AUTHENTICATE, "Token");
    }
    return ResponseEntity.status(code.status())
        .headers(all)
        .body(ErrorEnvelope.of(code.code(), message, details));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "" + ref.getIndex())
        .collect(Collectors.joining("."));
  }

  private static String jsonName(String javaField) {
    return SNAKE_CASE.translate(javaField);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
