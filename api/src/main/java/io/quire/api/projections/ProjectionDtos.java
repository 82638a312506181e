package io.quire.api.projections;

import io.quire.query.rebuild.ProjectionStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.Instant;

/** The response bodies of the projections admin API (snake_case on the wire). */
final class ProjectionDtos {

  private ProjectionDtos() {}

  @Schema(name = "Projection")
  record ProjectionResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, example = "tasks") String name,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "What the read model holds.")
          String description,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              allowableValues = {"running", "replaying", "stopped", "error"},
              description =
                  "`running`: kept in each write's own transaction, up to date. `replaying`: a"
                      + " rebuild is building a new copy while the current one serves. `stopped`:"
                      + " the server running a rebuild stopped; a running server takes it over"
                      + " from where it was. `error`: the last rebuild stopped at an event it"
                      + " could not apply (`last_error`); the current copy serves.")
          String status,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description =
                  "The commit position applied: by the copy being built while a rebuild runs"
                      + " (`replaying`, `stopped`), otherwise by the copy that serves.")
          long position,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "The newest commit position of the event stream.")
          long head,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "`head - position`.") long lag,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "How a running rebuild is doing; null when none runs.")
          ReplayResponse replay,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "Why the last rebuild stopped; null when it did not.")
          LastErrorResponse lastError,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "Whether it can be rebuilt from the event store here.")
          boolean rebuildable,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "Why it cannot be rebuilt, and what to do instead.")
          String notRebuildableReason,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "When its last rebuild was swapped in; null if never.")
          Instant rebuiltAt) {

    static ProjectionResponse of(ProjectionStatus status) {
      return new ProjectionResponse(
          status.name(),
          status.description(),
          status.status(),
          status.position(),
          status.head(),
          status.lag(),
          status.replay().map(ReplayResponse::of).orElse(null),
          status.lastError().map(LastErrorResponse::of).orElse(null),
          status.rebuildable(),
          status.notRebuildableReason().orElse(null),
          status.rebuiltAt().orElse(null));
    }
  }

  @Schema(name = "ProjectionReplay")
  record ReplayResponse(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              minimum = "0",
              maximum = "1",
              description = "The share of the head's events in the new copy, 0 to 1.")
          double progress,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description =
                  "Events applied per second since the rebuild started or was taken over.")
          double eventsPerSecond,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "Seconds to the head at that rate; null before there is a rate.")
          Long etaSeconds,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant startedAt,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "How many times a server took it over from one that had stopped.")
          int resumed) {

    static ReplayResponse of(ProjectionStatus.Replay replay) {
      return new ReplayResponse(
          replay.progress(),
          Math.round(replay.eventsPerSecond() * 10) / 10.0,
          replay.etaSeconds().orElse(null),
          replay.startedAt(),
          replay.resumed());
    }
  }

  @Schema(name = "ProjectionError")
  record LastErrorResponse(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "The commit position of the event it stopped at.")
          long position,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description =
                  "That event's global sequence; null when it stopped for another reason.")
          Long globalSequence,
      @Schema(requiredMode = RequiredMode.REQUIRED) String message) {

    static LastErrorResponse of(ProjectionStatus.LastError error) {
      return new LastErrorResponse(
          error.position(), error.globalSequence().orElse(null), error.message());
    }
  }
}
