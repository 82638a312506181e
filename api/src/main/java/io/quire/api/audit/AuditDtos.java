package io.quire.api.audit;

import io.quire.api.accounts.UserRef;
import io.quire.kernel.audit.AuditEntry;
import io.quire.kernel.audit.AuditPage;
import io.quire.kernel.audit.SealCheck;
import io.quire.kernel.audit.SealCheck.BrokenLink;
import io.quire.kernel.audit.SealedHead;
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
              description =
                  "The event's commit position: 1, 2, 3, ... in the order events committed, with"
                      + " no gaps. `after` and `next_after` count positions; the event's seal is"
                      + " at this position.")
          long position,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description =
                  "The event's global index in the event store: the order appends began, which"
                      + " is not always the order they committed.")
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
          Map<String, Object> data,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              example = "3f2c8e0a-6a57-4c1e-9a55-2f0f6f1f0b8e",
              description =
                  "The `X-Request-Id` of the HTTP request that caused the event (the client's,"
                      + " when it sent a sane one, otherwise the server's); null for events no"
                      + " request caused (start-up, background sweeps) and for events stored"
                      + " before request ids were recorded.")
          String requestId) {

    static AuditEntryResponse of(AuditEntry entry) {
      return new AuditEntryResponse(
          entry.position(),
          entry.globalSequence(),
          entry.aggregateType(),
          entry.aggregateId(),
          entry.sequence(),
          entry.type(),
          entry.occurredAt(),
          UserRef.of(entry.actor()),
          entry.data(),
          entry.requestId());
    }
  }

  @Schema(name = "AuditPage")
  record AuditPageResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "Oldest first.")
          List<AuditEntryResponse> results,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description =
                  "The `after` of the next page (a commit position). An empty `results` means"
                      + " there is nothing newer yet: ask again later with the same value.")
          long nextAfter) {

    static AuditPageResponse of(AuditPage page) {
      return new AuditPageResponse(
          page.results().stream().map(AuditEntryResponse::of).toList(), page.nextAfter());
    }
  }

  @Schema(name = "SealedHead")
  record SealedHeadResponse(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "A commit position (0: the empty history).")
          long position,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              pattern = "^[0-9a-f]{64}$",
              description =
                  "SHA-256 (hex) sealing every event up to this position; all zeros for the"
                      + " empty history.")
          String hash) {

    static SealedHeadResponse of(SealedHead head) {
      return new SealedHeadResponse(head.position(), head.hash());
    }
  }

  @Schema(name = "BrokenLink")
  record BrokenLinkResponse(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "The global sequence of the event where the chain breaks.")
          Long globalSequence,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "Its aggregate; null when the event itself is gone.")
          String aggregateId,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "Its place in the aggregate, from 1; null when the event is gone.")
          Long sequence,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "What does not hold, in words.")
          String reason) {}

  @Schema(name = "SealCheck")
  record SealCheckResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "How many events were checked.")
          long checked,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description =
                  "The head checked up to: the whole history's, or for `aggregate_id` the"
                      + " position and stream seal of that aggregate's last event.")
          SealedHeadResponse head,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "The first link that does not hold; null when every one does.")
          BrokenLinkResponse firstBroken) {

    static SealCheckResponse of(SealCheck check) {
      BrokenLink broken = check.firstBroken();
      return new SealCheckResponse(
          check.checked(),
          SealedHeadResponse.of(check.head()),
          broken == null
              ? null
              : new BrokenLinkResponse(
                  broken.globalSequence(),
                  broken.aggregateId(),
                  broken.sequence(),
                  broken.reason()));
    }
  }
}
