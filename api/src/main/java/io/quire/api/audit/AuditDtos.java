package io.quire.api.audit;

import io.quire.api.accounts.UserRef;
import io.quire.kernel.audit.AuditEntry;
import io.quire.kernel.audit.AuditPage;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The response bodies of the audit reads (snake_case on the wire). */
final class AuditDtos {

  private AuditDtos() {}

  @Schema(name = "AuditEvent")
  record AuditEntryResponse(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "The event's place in the whole event stream, in commit order.")
          long globalSequence,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              example = "task",
              description =
                  "`org`, `task`, `export`, `integration`, `webhook_receipt`, `article`,"
                      + " `comment` or `user`.")
          String aggregateType,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String aggregateId,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "The event's place in its aggregate: 1 for the first, as in history.")
          long sequence,
      @Schema(requiredMode = RequiredMode.REQUIRED, example = "task.status_changed") String type,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "When it was recorded.")
          Instant occurredAt,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description =
                  "Who did it; null for what the system or an integration did, and for a"
                      + " registration.")
          UserRef actor,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              type = "object",
              additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
              description =
                  "Every field of the event as stored (snake_case), except an integration's"
                      + " sealed secret.")
          Map<String, Object> data) {

    static AuditEntryResponse of(AuditEntry entry) {
      return new AuditEntryResponse(
          entry.globalSequence(),
          entry.aggregateType(),
          entry.aggregateId(),
          entry.sequence(),
          entry.type(),
          entry.occurredAt(),
          UserRef.of(entry.actor()),
          entry.data());
    }
  }

  @Schema(name = "AuditPage")
  record AuditPageResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "Oldest first.")
          List<AuditEntryResponse> results,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description =
                  "The `after` of the next page. An empty `results` means there is nothing newer"
                      + " yet: ask again later with the same value.")
          long nextAfter) {

    static AuditPageResponse of(AuditPage page) {
      return new AuditPageResponse(
          page.results().stream().map(AuditEntryResponse::of).toList(), page.nextAfter());
    }
  }
}
