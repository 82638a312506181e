package io.quire.query.exports;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserPersonalDataErasedEvent;
import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.privacy.PersonalData;
import io.quire.kernel.tasks.TaskDeletedEvent;
import io.quire.query.events.PersonalDataTraces;
import io.quire.query.events.StoredEventReader;
import io.quire.query.sql.SqlValues;
import io.quire.query.stream.EventStream;
import io.quire.query.stream.StoredEvents;
import io.quire.query.tasks.TaskReplay;
import io.quire.query.tasks.TaskReplay.ReplayedTask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scrubs the exports after an erasure, in the erasure's transaction. An export holds the org's
 * tasks as they stood when it was requested, with usernames, in its rows (until its file is
 * written) and its file ({@code export_chunks}). Every export of an org where a task's events name
 * the erased person is made again from the events committed before its request (its commit
 * position), folded as the task read model folds them ({@link TaskReplay}): the erased person's
 * text now reads {@code "[erased]"}, and so does their username (the user directory's). Its rows
 * are replaced; its file, if written, is written again from them, in chunks of the size it had.
 * Everything else in the file stays as it was.
 */
@Component
@ProcessingGroup(ExportProjection.PROCESSING_GROUP)
public class ExportScrubbing {

  private final NamedParameterJdbcTemplate jdbc;
  private final PersonalDataTraces traces;
  private final StoredEventReader reader;
  private final ExportFiles files;
  private final EventStream stream;

  public ExportScrubbing(
      NamedParameterJdbcTemplate jdbc,
      PersonalDataTraces traces,
      StoredEventReader reader,
      ExportFiles files,
      EventStream stream) {
    this.jdbc = jdbc;
    this.traces = traces;
    this.reader = reader;
    this.files = files;
    this.stream = stream;
  }

  @EventHandler
  void on(UserPersonalDataErasedEvent event) {
    List<UUID> orgs = traces.orgsOfTasksNaming(event.userId());
    if (orgs.isEmpty()) {
      return;
    }
    stream.head(); // every committed event has its commit position
    for (Map<String, Object> export :
        jdbc.queryForList(
            "SELECT export_id, org_id, format, status_filter FROM export_view"
                + " WHERE org_id IN (:orgs)",
            new MapSqlParameterSource("orgs", orgs))) {
      remake(
          event.userId(),
          (UUID) export.get("export_id"),
          (UUID) export.get("org_id"),
          ExportFormat.ofWireName((String) export.get("format")),
          (String) export.get("status_filter"));
    }
  }

  private void remake(
      UserId erased, UUID export, UUID org, ExportFormat format, String statusFilter) {
    MapSqlParameterSource id = new MapSqlParameterSource("exportId", export);
    long rows =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM export_rows WHERE export_id = :exportId", id, Long.class);
    Integer chunkSize =
        jdbc.queryForObject(
            "SELECT MAX(OCTET_LENGTH(bytes)) FROM export_chunks WHERE export_id = :exportId",
            id,
            Integer.class);
    if (rows == 0 && chunkSize == null) {
      return; // nothing written yet, or nothing left
    }
    jdbc.update("DELETE FROM export_rows WHERE export_id = :exportId", id);
    long position = 0;
    for (ExportRow row : asRequested(erased, export, org, statusFilter)) {
      jdbc.update(
          """
          INSERT INTO export_rows (export_id, position, task_id, title, status, created_by,
                                   assigned_to, due_date, created_at)
          VALUES (:exportId, :position, :taskId, :title, :status, :createdBy, :assignedTo,
                  :dueDate, :createdAt)
          """,
          SqlValues.addDate(
              new MapSqlParameterSource("exportId", export)
                  .addValue("position", ++position)
                  .addValue("taskId", row.id())
                  .addValue("title", row.title())
                  .addValue("status", row.status())
                  .addValue("createdBy", row.createdBy())
                  .addValue("assignedTo", row.assignedTo())
                  .addValue("createdAt", SqlValues.timestamp(row.createdAt())),
              "dueDate",
              row.dueDate()));
    }
    if (chunkSize != null) {
      files.write(new ExportId(export), format, chunkSize);
      if (rows == 0) {
        files.discardRows(new ExportId(export));
      }
    }
  }

  /** The org's tasks as the events committed before the export's request left them. */
  private List<ExportRow> asRequested(UserId erased, UUID export, UUID org, String statusFilter) {
    Long requested =
        jdbc.queryForObject(
            "SELECT a.position FROM audit_event a JOIN domain_event_entry e"
                + " ON e.global_index = a.global_index"
                + " WHERE e.aggregate_identifier = :exportId AND e.sequence_number = 0",
            new MapSqlParameterSource("exportId", export.toString()),
            Long.class);
    if (requested == null) {
      throw new IllegalStateException("The request of export " + export + " has no position");
    }
    List<GenericTrackedDomainEventMessage<?>> events =
        reader.read(
            jdbc.query(
                "SELECT "
                    + StoredEvents.COLUMNS
                    + " FROM audit_event a JOIN domain_event_entry e"
                    + " ON e.global_index = a.global_index"
                    + " WHERE a.org_id = :orgId AND a.position < :requested AND e.type = 'Task'"
                    + " ORDER BY a.position",
                new MapSqlParameterSource("orgId", org).addValue("requested", requested),
                (row, n) -> StoredEvents.read(row)));
    Map<String, ReplayedTask> tasks = new LinkedHashMap<>();
    for (GenericTrackedDomainEventMessage<?> message : events) {
      Object payload = message.getPayload();
      String task = message.getAggregateIdentifier();
      if (payload instanceof TaskDeletedEvent) {
        tasks.remove(task);
      } else {
        tasks.put(task, TaskReplay.apply(Optional.ofNullable(tasks.get(task)), payload));
      }
    }
    Map<UUID, String> usernames = usernames(tasks.values());
    // the directory may scrub the name after this (another processing group): erased either way
    usernames.computeIfPresent(erased.value(), (id, name) -> PersonalData.ERASED);
    List<ExportRow> rows = new ArrayList<>();
    for (ReplayedTask task : tasks.values()) {
      if (statusFilter != null && !statusFilter.equals(task.status().wireName())) {
        continue;
      }
      rows.add(
          new ExportRow(
              task.id().value(),
              task.title(),
              task.status().wireName(),
              name(usernames, task.createdBy()),
              name(usernames, task.assignedTo()),
              task.dueDate(),
              task.createdAt()));
    }
    // the snapshot's order: oldest first, ties by id (as PostgreSQL orders uuids: their text)
    rows.sort(Comparator.comparing(ExportRow::createdAt).thenComparing(row -> row.id().toString()));
    return rows;
  }

  private Map<UUID, String> usernames(Collection<ReplayedTask> tasks) {
    List<UUID> ids = new ArrayList<>();
    for (ReplayedTask task : tasks) {
      if (task.createdBy() != null) {
        ids.add(task.createdBy().value());
      }
      if (task.assignedTo() != null) {
        ids.add(task.assignedTo().value());
      }
    }
    Map<UUID, String> names = new HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.query(
          "SELECT id, username FROM user_directory WHERE id IN (:ids)",
          new MapSqlParameterSource("ids", ids.stream().distinct().toList()),
          row -> {
            names.put(row.getObject("id", UUID.class), row.getString("username"));
          });
    }
    return names;
  }

  private static String name(Map<UUID, String> usernames, UserId user) {
    return user == null ? null : usernames.get(user.value());
  }
}
