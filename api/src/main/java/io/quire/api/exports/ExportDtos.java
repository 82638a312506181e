package io.quire.api.exports;

import io.quire.api.errors.FieldMessages;
import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.exports.ExportStatus;
import io.quire.kernel.exports.ExportView;
import io.quire.kernel.tasks.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;

/** The request and response bodies of the export endpoints (snake_case on the wire). */
final class ExportDtos {

  private ExportDtos() {}

  @Schema(name = "ExportRequest")
  record CreateExportRequest(
      @Schema(requiredMode = RequiredMode.REQUIRED) @NotNull(message = FieldMessages.REQUIRED)
          ExportFormat format,
      @Schema(nullable = true, description = "Only the tasks of this status; all when absent.")
          TaskStatus status) {}

  @Schema(name = "ExportRequested")
  record ExportRequestedResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED) ExportFormat format,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "Always `pending`.")
          ExportStatus status,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt) {

    static ExportRequestedResponse of(ExportView export) {
      return new ExportRequestedResponse(
          export.id().toString(), export.format(), ExportStatus.PENDING, export.createdAt());
    }
  }

  @Schema(name = "Export")
  record ExportResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED) ExportFormat format,
      @Schema(requiredMode = RequiredMode.REQUIRED) ExportStatus status,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "The number of tasks in the file; null until `done`.")
          Long rowCount,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "When the job finished (`done` or `failed`); null before.")
          Instant completedAt,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "Why the export failed; null unless `failed`.")
          String error,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              format = "uri",
              description = "The absolute URL of the file; null until `done`.")
          String downloadUrl,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "The number of the export's events; also the `ETag`.")
          long version) {

    static ExportResponse of(ExportView export, String downloadUrl) {
      return new ExportResponse(
          export.id().toString(),
          export.format(),
          export.status(),
          export.rowCount(),
          export.createdAt(),
          export.completedAt(),
          export.error(),
          export.status() == ExportStatus.DONE ? downloadUrl : null,
          export.version());
    }
  }

  /** One task in a JSON export file (documentation only: the file is written by the job). */
  @Schema(name = "ExportFileRow")
  record ExportFileRow(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED) String title,
      @Schema(requiredMode = RequiredMode.REQUIRED) TaskStatus status,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "The creator's username; null for a task an integration created.")
          String createdBy,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "The assignee's username; null when nobody holds the task.")
          String assignedTo,
      @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true) LocalDate dueDate,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt) {}
}
