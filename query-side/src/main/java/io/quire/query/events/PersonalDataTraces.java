package io.quire.query.events;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.privacy.PersonalData;
import io.quire.kernel.tasks.TaskAssignedEvent;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskDeletedEvent;
import io.quire.kernel.tasks.TaskDescriptionChangedEvent;
import io.quire.kernel.tasks.TaskDueDateChangedEvent;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.kernel.tasks.TaskStatusChangedEvent;
import io.quire.kernel.tasks.TaskUnassignedEvent;
import io.quire.query.sql.SqlDialect;
import io.quire.query.stream.StoredEvent;
import io.quire.query.stream.StoredEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a person's personal data went: the aggregates whose events hold text sealed with their key
 * (a sealed value names its person: {@code pd1:<user id>:...}, docs/architecture.md), and those
 * aggregates' events as they read now. A projection scrubs its rows after an erasure by folding
 * them again: the erased person's text now reads {@code "[erased]"}, everyone else's as it was.
 *
 * <p>An erasure is rare, so this scans the event store's payloads of the types asked for: on
 * PostgreSQL in the database ({@code position(... in payload)}), elsewhere here.
 */
@Component
public class PersonalDataTraces {

  private static final int IDS_PER_QUERY = 500;

  private static final List<Class<?>> TASK_EVENTS =
      List.of(
          TaskCreatedEvent.class,
          TaskRetitledEvent.class,
          TaskDescriptionChangedEvent.class,
          TaskStatusChangedEvent.class,
          TaskAssignedEvent.class,
          TaskUnassignedEvent.class,
          TaskDueDateChangedEvent.class,
          TaskDeletedEvent.class);

  private final NamedParameterJdbcTemplate jdbc;
  private final StoredEventReader reader;
  private final SqlDialect dialect;

  public PersonalDataTraces(NamedParameterJdbcTemplate jdbc, StoredEventReader reader) {
    this.jdbc = jdbc;
    this.reader = reader;
    this.dialect = SqlDialect.of(jdbc.getJdbcOperations());
  }

  /**
   * The events of these types of every aggregate where one of them holds the person's sealed text,
   * by aggregate id, each aggregate's events in order and read as they are now (upcast, opened).
   */
  public Map<String, List<Object>> eventsTouchedBy(UserId person, Class<?>... types) {
    List<String> typeNames = Arrays.stream(types).map(Class::getName).toList();
    byte[] mark = (PersonalData.SEALED + person + ":").getBytes(StandardCharsets.UTF_8);
    Set<String> aggregates = aggregatesHolding(mark, typeNames);
    Map<String, List<Object>> events = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>(aggregates);
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<StoredEvent> rows =
          jdbc.query(
              "SELECT "
                  + StoredEvents.COLUMNS
                  + " FROM domain_event_entry e WHERE e.aggregate_identifier IN (:ids)"
                  + " AND e.payload_type IN (:types) ORDER BY e.global_index",
              new MapSqlParameterSource(
                      "ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                  .addValue("types", typeNames),
              (row, n) -> StoredEvents.read(row));
      for (GenericTrackedDomainEventMessage<?> message : reader.read(rows)) {
        events
            .computeIfAbsent(message.getAggregateIdentifier(), id -> new ArrayList<>())
            .add(message.getPayload());
      }
    }
    return events;
  }

  /**
   * The orgs of every task whose events name the person anywhere (as its writer, its assignee,
   * anyone who changed it): where an export may hold their username or their text.
   */
  public List<UUID> orgsOfTasksNaming(UserId person) {
    Set<String> tasks =
        aggregatesHolding(
            person.toString().getBytes(StandardCharsets.UTF_8),
            TASK_EVENTS.stream().map(Class::getName).toList());
    List<UUID> orgs = new ArrayList<>();
    List<String> ids = new ArrayList<>(tasks);
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      orgs.addAll(
          jdbc.queryForList(
              "SELECT DISTINCT a.org_id FROM audit_event a JOIN domain_event_entry e"
                  + " ON e.global_index = a.global_index WHERE e.aggregate_identifier IN (:ids)"
                  + " AND a.org_id IS NOT NULL",
              new MapSqlParameterSource(
                  "ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))),
              UUID.class));
    }
    return orgs.stream().distinct().toList();
  }

  private Set<String> aggregatesHolding(byte[] mark, List<String> typeNames) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("types", typeNames).addValue("mark", mark);
    if (dialect == SqlDialect.POSTGRESQL) {
      return new LinkedHashSet<>(
          jdbc.queryForList(
              "SELECT DISTINCT aggregate_identifier FROM domain_event_entry"
                  + " WHERE payload_type IN (:types) AND position(:mark in payload) > 0",
              params,
              String.class));
    }
    Set<String> found = new LinkedHashSet<>();
    jdbc.query(
        "SELECT aggregate_identifier, payload FROM domain_event_entry"
            + " WHERE payload_type IN (:types)",
        params,
        row -> {
          if (contains(row.getBytes("payload"), mark)) {
            found.add(row.getString("aggregate_identifier"));
          }
        });
    return found;
  }

  static boolean contains(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
