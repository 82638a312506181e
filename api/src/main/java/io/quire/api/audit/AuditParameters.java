package io.quire.api.audit;

import io.quire.api.errors.ApiException;
import io.quire.api.errors.FieldMessages;
import io.quire.api.web.QueryNumbers;
import io.quire.api.web.QueryParameters;
import io.quire.api.web.Timestamps;
import io.quire.kernel.audit.AuditFilter;
import io.quire.query.events.EventCatalogue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of the audit reads, checked together: {@code after} (a global sequence, a
 * whole number of at least 0; 0 when absent), {@code limit} (at least 1; {@value #DEFAULT_LIMIT}
 * when absent, and a limit above {@value #MAX_LIMIT} is served as {@value #MAX_LIMIT}, as page
 * sizes are), {@code type} (an event type name such as {@code task.created}), {@code since} and
 * {@code until} (ISO-8601 timestamps; {@code since} inclusive, {@code until} exclusive). Each
 * parameter that is wrong, or was given more than once ({@code repeated}, not a query parameter
 * itself: {@link AuditParametersArgumentResolver} reads the query string), is named in one 400.
 */
record AuditParameters(
    @Parameter(
            description = "Only events after this global sequence (0: from the start).",
            schema = @Schema(type = "integer", format = "int64", minimum = "0"))
        String after,
    @Parameter(
            description =
                "At most this many events: a page holds at most 1000; a stream (NDJSON) writes"
                    + " this many, or every event when absent.",
            schema = @Schema(type = "integer", minimum = "1", defaultValue = "100"))
        String limit,
    @Parameter(description = "Only events of this type, such as `task.created`.") String type,
    @Parameter(
            description = "Only events recorded at or after this time (ISO-8601).",
            schema = @Schema(type = "string", format = "date-time"))
        String since,
    @Parameter(
            description = "Only events recorded before this time (ISO-8601).",
            schema = @Schema(type = "string", format = "date-time"))
        String until,
    @Parameter(hidden = true) Set<String> repeated) {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  AuditParameters {
    repeated = repeated == null ? Set.of() : Set.copyOf(repeated);
  }

  /** These parameters, each given at most once. */
  AuditParameters(String after, String limit, String type, String since, String until) {
    this(after, limit, type, since, until, Set.of());
  }

  /**
   * How many events a stream (NDJSON) may write: the limit as asked, not capped at {@value
   * #MAX_LIMIT} (the stream writes pages of that size), or unbounded when none was asked. Call
   * after {@link #filter}, which has checked it.
   */
  long streamLimit() {
    String digits = blankToNull(limit);
    return digits == null ? Long.MAX_VALUE : Long.parseLong(digits);
  }

  /**
   * The filter these parameters ask for (each null or empty when absent).
   *
   * @throws ApiException 400 naming each parameter that is wrong
   */
  AuditFilter filter(EventCatalogue catalogue) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    repeated.forEach(
        name -> QueryNumbers.problem(problems, name, QueryParameters.GIVEN_MORE_THAN_ONCE));
    Long afterValue = QueryNumbers.wholeNumber("after", after, 0, Long.MAX_VALUE, problems);
    Long limitValue = QueryNumbers.wholeNumber("limit", limit, 1, Long.MAX_VALUE, problems);
    String typeValue = blankToNull(type);
    if (typeValue != null && !catalogue.contains(typeValue)) {
      QueryNumbers.problem(problems, "type", FieldMessages.notAChoice(typeValue));
    }
    Instant sinceValue = instant("since", since, problems);
    Instant untilValue = instant("until", until, problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return new AuditFilter(
        afterValue == null ? 0 : afterValue,
        limitValue == null ? DEFAULT_LIMIT : (int) Math.min(limitValue, MAX_LIMIT),
        typeValue,
        sinceValue,
        untilValue);
  }

  private static Instant instant(String name, String text, Map<String, List<String>> problems) {
    String value = blankToNull(text);
    if (value == null) {
      return null;
    }
    return Timestamps.parse(value)
        .orElseGet(
            () -> {
              QueryNumbers.problem(problems, name, Timestamps.MESSAGE);
              return null;
            });
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
