package io.quire.query.exports;

import io.quire.kernel.exports.ExportCompletedEvent;
import io.quire.kernel.exports.ExportFailedEvent;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.ExportRequestedEvent;
import io.quire.kernel.exports.ExportStartedEvent;
import io.quire.kernel.exports.ExportStatus;
import io.quire.query.sql.SqlValues;
import io.quire.query.sql.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code export_view}, one row per export, and takes each export's snapshot of tasks ({@code
 * export_rows}).
 *
 * <p>Runs in a subscribing processor, so {@link ExportRequestedEvent} is handled in the request's
 * own transaction: one {@code INSERT ... SELECT} copies the org's matching tasks from {@code
 * task_view}, with their creators' and assignees' usernames from {@code user_directory}, as they
 * stand in that transaction. Later changes to the tasks are not in the export. Rows are numbered
 * oldest task first (ties by task id), the order of the file.
 */
@Component
@ProcessingGroup(ExportProjection.PROCESSING_GROUP)
public class ExportProjection {

  /** The processing group (and the read model's name in the projections admin API). */
  public static final String PROCESSING_GROUP = "exports";

  private static final String SNAPSHOT =
      """
      INSERT INTO export_rows (export_id, position, task_id, title, status, created_by,
                               assigned_to, due_date, created_at)
      SELECT :exportId, ROW_NUMBER() OVER (ORDER BY t.created_at, t.task_id),
             t.task_id, t.title, t.status, creator.username, assignee.username,
             t.due_date, t.created_at
      FROM task_view t
      LEFT JOIN user_directory creator ON creator.id = t.created_by
      LEFT JOIN user_directory assignee ON assignee.id = t.assigned_to
      WHERE t.org_id = :orgId
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final VersionedRows exports;

  public ExportProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.exports = new VersionedRows(jdbc, "export_view", "export_id");
  }

  @EventHandler
  void on(ExportRequestedEvent event, @SequenceNumber long sequence) {
    if (!exports.isNew(event.exportId().value())) {
      return;
    }
    MapSqlParameterSource params =
        new MapSqlParameterSource("exportId", event.exportId().value())
            .addValue("orgId", event.orgId().value())
            .addValue("format", event.format().wireName())
            .addValue("status", ExportStatus.PENDING.wireName())
            .addValue("requestedBy", event.requestedBy().value())
            .addValue("createdAt", SqlValues.timestamp(event.requestedAt()))
            .addValue("version", sequence + 1);
    SqlValues.addText(
        params,
        "statusFilter",
        event.statusFilter() == null ? null : event.statusFilter().wireName());
    jdbc.update(
        """
        INSERT INTO export_view (export_id, org_id, format, status_filter, status, requested_by,
                                 created_at, version)
        VALUES (:exportId, :orgId, :format, :statusFilter, :status, :requestedBy,
                :createdAt, :version)
        """,
        params);
    String snapshot = SNAPSHOT;
    if (event.statusFilter() != null) {
      snapshot += " AND t.status = :statusFilter";
    }
    jdbc.update(snapshot, params);
  }

  @EventHandler
  void on(ExportStartedEvent event, @SequenceNumber long sequence) {
    move(
        event.exportId(),
        sequence,
        ExportStatus.RUNNING,
        "started_at = :at",
        new MapSqlParameterSource("at", SqlValues.timestamp(event.startedAt())));
  }

  @EventHandler
  void on(ExportCompletedEvent event, @SequenceNumber long sequence) {
    move(
        event.exportId(),
        sequence,
        ExportStatus.DONE,
        "row_count = :rowCount, completed_at = :at",
        new MapSqlParameterSource("rowCount", event.rowCount())
            .addValue("at", SqlValues.timestamp(event.completedAt())));
  }

  /** A failed export's {@code completed_at} is when it failed: the job is over either way. */
  @EventHandler
  void on(ExportFailedEvent event, @SequenceNumber long sequence) {
    move(
        event.exportId(),
        sequence,
        ExportStatus.FAILED,
        "error = :error, completed_at = :at",
        SqlValues.addText(new MapSqlParameterSource(), "error", event.reason())
            .addValue("at", SqlValues.timestamp(event.failedAt())));
  }

  private void move(
      ExportId export,
      long sequence,
      ExportStatus status,
      String assignments,
      MapSqlParameterSource values) {
    exports.update(
        export.value(),
        sequence,
        "status = :status, " + assignments,
        values.addValue("status", status.wireName()));
  }

  /** Empties the read model before a replay (the files of done exports stay). */
  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("DELETE FROM export_view");
  }
}
