package io.quire.query.exports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One task in an export's file, as it stood when the export was requested. {@code createdBy} and
 * {@code assignedTo} are usernames, null when there is none (a task an integration created, a task
 * nobody holds); {@code status} is the wire name ({@code todo}, {@code in_progress}, {@code done}).
 */
public record ExportRow(
    UUID id,
    String title,
    String status,
    String createdBy,
    String assignedTo,
    LocalDate dueDate,
    Instant createdAt) {

  /** The columns of a file, in order: the CSV header and the JSON field names. */
  public static final java.util.List<String> COLUMNS =
      java.util.List.of(
          "id", "title", "status", "created_by", "assigned_to", "due_date", "created_at");
}
