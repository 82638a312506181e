package io.quire.api.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quire.api.errors.AnsweredErrors;
import io.quire.api.errors.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts webhook deliveries by how they were answered: {@code quire.webhook.deliveries} with {@code
 * outcome} {@code accepted} (202, the first delivery of an event), {@code duplicate} (200, a later
 * one), {@code rejected} (4xx) or {@code failed} (5xx), and {@code reason}: the error code of the
 * answer ({@code invalid_signature}, {@code stale_timestamp}, {@code validation_error}, {@code
 * malformed_json}, {@code payload_too_large}, {@code unsupported_media_type}, {@code conflict},
 * {@code internal_error}, ...), {@code none} for the first two. A filter around {@code POST
 * /api/v1/webhooks/...}, so that refusals before the controller (a wrong content type, a body over
 * the server's limit) count too; the reason comes from the envelope the answer carried ({@link
 * AnsweredErrors}), or from the status alone when the answer was the container's.
 */
public class WebhookMetrics extends OncePerRequestFilter {

  static final String NAME = "quire.webhook.deliveries";

  private static final List<ErrorCode> EXPECTED_REFUSALS =
      List.of(
          ErrorCode.INVALID_SIGNATURE,
          ErrorCode.STALE_TIMESTAMP,
          ErrorCode.VALIDATION_ERROR,
          ErrorCode.MALFORMED_JSON,
          ErrorCode.PAYLOAD_TOO_LARGE,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          ErrorCode.CONFLICT);

  private final MeterRegistry registry;

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Present from the start, at 0, so that a dashboard's rate has a series before traffic.
    counter("accepted", "none");
    counter("duplicate", "none");
    EXPECTED_REFUSALS.forEach(code -> counter("rejected", code.code()));
    counter("failed", ErrorCode.INTERNAL_ERROR.code());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean answered = false;
    try {
      chain.doFilter(request, response);
      answered = true;
    } finally {
      // An exception out of the chain becomes the container's 500.
      count(request, answered ? response.getStatus() : 500);
    }
  }

  private void count(HttpServletRequest request, int status) {
    if (status == 202) {
      counter("accepted", "none").increment();
    } else if (status == 200) {
      counter("duplicate", "none").increment();
    } else {
      String reason =
          AnsweredErrors.of(request).orElseGet(() -> ErrorCode.forStatus(status).code());
      counter(status >= 500 ? "failed" : "rejected", reason).increment();
    }
  }

  private Counter counter(String outcome, String reason) {
    return Counter.builder(NAME)
        .description("Webhook deliveries by outcome and, for refusals, the error code")
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry);
  }
}
