package io.quire.query.audit;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.audit.AuditEntry;
import io.quire.kernel.audit.AuditFilter;
import io.quire.kernel.audit.AuditPage;
import io.quire.kernel.audit.EventStreamQuery;
import io.quire.kernel.audit.OrgAuditQuery;
import io.quire.kernel.orgs.OrgId;
import io.quire.query.events.EventActors;
import io.quire.query.events.EventData;
import io.quire.query.events.EventTypes;
import io.quire.query.sql.SqlValues;
import io.quire.query.users.Usernames;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the audit log of an org and the whole event stream: the events in {@code audit_event}'s
 * order (commit order by global index) up to the settled head ({@link AuditSettledHead}), their
 * payloads read from {@code domain_event_entry} and deserialized by Axon's event serializer, the
 * actors' usernames in one statement per page.
 *
 * <p>The range is written for both tables: PostgreSQL then merge-joins them from {@code after}
 * instead of reading the event table's index from its start (120 ms against 1.5 ms for a page of
 * 1,000 from the middle of a million events: docs/performance.md).
 *
 * <p>Payloads are deserialized as stored; Quire has no upcasters. Should an event's shape ever
 * change with an upcaster, this is the one read that would have to apply it as well.
 */
@Component
public class AuditQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final Serializer serializer;
  private final Usernames usernames;
  private final String endsSql;

  public AuditQueries(
      NamedParameterJdbcTemplate jdbc,
      @Qualifier("eventSerializer") Serializer serializer,
      Usernames usernames,
      @Value("${quire.audit.settle-time:60s}") Duration settleTime) {
    this.jdbc = jdbc;
    this.serializer = serializer;
    this.usernames = usernames;
    // The settle time is configuration, written into the statement as an SQL interval literal (a
    // bind parameter times an interval has no type on H2).
    this.endsSql =
        "SELECT (SELECT MAX(global_index) FROM audit_event) AS last_index,"
            + " (SELECT MIN(global_index) FROM audit_event"
            + " WHERE recorded_at > CURRENT_TIMESTAMP - INTERVAL '"
            + BigDecimal.valueOf(settleTime.toMillis(), 3).toPlainString()
            + "' SECOND) AS first_recent";
  }

  @QueryHandler
  public AuditPage handle(OrgAuditQuery query) {
    return page(query.orgId(), query.filter());
  }

  @QueryHandler
  public AuditPage handle(EventStreamQuery query) {
    return page(null, query.filter());
  }

  private AuditPage page(OrgId orgId, AuditFilter filter) {
    long head = settledHead();
    MapSqlParameterSource params =
        new MapSqlParameterSource("after", filter.after())
            .addValue("head", head)
            .addValue("limit", filter.limit());
    StringBuilder where = new StringBuilder();
    if (orgId != null) {
      where.append(" AND a.org_id = :orgId");
      params.addValue("orgId", orgId.value());
    }
    if (filter.type() != null) {
      where.append(" AND a.type = :type");
      params.addValue("type", filter.type());
    }
    if (filter.since() != null) {
      where.append(" AND a.occurred_at >= :since");
      params.addValue("since", SqlValues.timestamp(filter.since()));
    }
    if (filter.until() != null) {
      where.append(" AND a.occurred_at < :until");
      params.addValue("until", SqlValues.timestamp(filter.until()));
    }
    List<StoredEvent> events =
        jdbc.query(
            """
            SELECT a.global_index, a.occurred_at, e.aggregate_identifier, e.sequence_number,
                   e.type AS aggregate_type, e.payload_type, e.payload_revision, e.payload
            FROM audit_event a
            JOIN domain_event_entry e ON e.global_index = a.global_index
            WHERE a.global_index > :after AND a.global_index <= :head
              AND e.global_index > :after AND e.global_index <= :head"""
                + where
                + " ORDER BY a.global_index LIMIT :limit",
            params,
            (row, n) ->
                new StoredEvent(
                    row.getLong("global_index"),
                    SqlValues.instant(row, "occurred_at"),
                    row.getString("aggregate_identifier"),
                    row.getLong("sequence_number"),
                    row.getString("aggregate_type"),
                    serializer.deserialize(
                        new SimpleSerializedObject<>(
                            row.getBytes("payload"),
                            byte[].class,
                            row.getString("payload_type"),
                            row.getString("payload_revision")))));
    long nextAfter =
        events.size() == filter.limit()
            ? events.get(events.size() - 1).globalIndex()
            : Math.max(filter.after(), head);
    return new AuditPage(entries(events), nextAfter);
  }

  /**
   * The head of the settled indexes (see {@link AuditSettledHead}). The last index and the first
   * that may follow a write in flight are read in one statement, so from one snapshot: with no such
   * index, the head is the last index <em>then</em>. (A later statement could already see an event
   * that follows a write begun since; the page query runs later, and must not pass it.)
   */
  private long settledHead() {
    Map<String, Object> ends = jdbc.getJdbcTemplate().queryForMap(endsSql);
    Long last = number(ends.get("last_index"));
    Long firstRecent = number(ends.get("first_recent"));
    if (firstRecent == null) {
      return last == null ? 0 : last;
    }
    Long lastSettled =
        jdbc.queryForObject(
            "SELECT MAX(global_index) FROM audit_event WHERE global_index < :firstRecent",
            new MapSqlParameterSource("firstRecent", firstRecent),
            Long.class);
    long from = lastSettled == null ? 0 : lastSettled;
    List<Long> recent =
        jdbc.queryForList(
            "SELECT global_index FROM audit_event WHERE global_index > :from"
                + " ORDER BY global_index",
            new MapSqlParameterSource("from", from),
            Long.class);
    return AuditSettledHead.of(from, recent.stream().mapToLong(Long::longValue));
  }

  private static Long number(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  private List<AuditEntry> entries(List<StoredEvent> events) {
    Map<UUID, String> names =
        usernames.of(events.stream().map(e -> EventActors.actor(e.payload())));
    List<AuditEntry> entries = new ArrayList<>(events.size());
    for (StoredEvent event : events) {
      UserId actor = EventActors.actor(event.payload());
      entries.add(
          new AuditEntry(
              event.globalIndex(),
              EventTypes.aggregateTypeName(event.aggregateType()),
              event.aggregateId(),
              event.sequence() + 1,
              EventTypes.typeName(event.payload().getClass()),
              event.occurredAt(),
              actor == null ? null : new UserSummary(actor, names.get(actor.value())),
              EventData.complete(event.payload())));
    }
    return entries;
  }

  private record StoredEvent(
      long globalIndex,
      Instant occurredAt,
      String aggregateId,
      long sequence,
      String aggregateType,
      Object payload) {}
}
