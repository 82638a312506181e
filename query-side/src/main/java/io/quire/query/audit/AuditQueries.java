package io.quire.query.audit;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.audit.AuditEntry;
import io.quire.kernel.audit.AuditFilter;
import io.quire.kernel.audit.AuditPage;
import io.quire.kernel.audit.EventStreamQuery;
import io.quire.kernel.audit.OrgAuditQuery;
import io.quire.kernel.common.RequestMetadata;
import io.quire.kernel.orgs.OrgId;
import io.quire.query.events.EventActors;
import io.quire.query.events.EventData;
import io.quire.query.events.EventTypes;
import io.quire.query.events.StoredEventReader;
import io.quire.query.sql.SqlValues;
import io.quire.query.stream.EventStream;
import io.quire.query.stream.StoredEvent;
import io.quire.query.stream.StoredEvents;
import io.quire.query.users.Usernames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the audit log of an org and the whole event stream: the events in commit-position order
 * ({@link EventStream}), up to the head as it was after stamping every event committed before the
 * read, their payloads read from {@code domain_event_entry} and deserialized by Axon's event
 * serializer (and each event's request id from its metadata), the actors' usernames in one
 * statement per page. Positions are handed out only to committed events and become visible in
 * order, so a page that ends at position n has shown every event up to n that the filter takes, and
 * an event that commits later gets a higher position: a reader following {@code next_after} misses
 * none and sees none twice.
 *
 * <p>Payloads are read by {@link StoredEventReader}, so an event stored at an older revision is
 * shown in its current shape (upcast), as history and the aggregates see it.
 */
@Component
public class AuditQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final StoredEventReader reader;
  private final Usernames usernames;
  private final EventStream stream;

  public AuditQueries(
      NamedParameterJdbcTemplate jdbc,
      StoredEventReader reader,
      Usernames usernames,
      EventStream stream) {
    this.jdbc = jdbc;
    this.reader = reader;
    this.usernames = usernames;
    this.stream = stream;
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
    long head = stream.head().position();
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
    List<Row> rows =
        jdbc.query(
            "SELECT a.position, a.occurred_at, "
                + StoredEvents.COLUMNS
                + " FROM audit_event a"
                + " JOIN domain_event_entry e ON e.global_index = a.global_index"
                + " WHERE a.position > :after AND a.position <= :head"
                + where
                + " ORDER BY a.position LIMIT :limit",
            params,
            (row, n) ->
                new Row(
                    row.getLong("position"),
                    SqlValues.instant(row, "occurred_at"),
                    StoredEvents.read(row)));
    List<? extends DomainEventMessage<?>> messages =
        reader.read(rows.stream().map(Row::stored).toList());
    List<ReadEvent> events = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      DomainEventMessage<?> message = messages.get(i);
      events.add(
          new ReadEvent(
              row.position(),
              row.stored().globalIndex(),
              row.occurredAt(),
              message.getAggregateIdentifier(),
              message.getSequenceNumber(),
              row.stored().aggregateType(),
              message.getPayload(),
              requestIdOf(message)));
    }
    long nextAfter =
        events.size() == filter.limit()
            ? events.get(events.size() - 1).position()
            : Math.max(filter.after(), head);
    stream.metrics().page(orgId != null, events.size());
    return new AuditPage(entries(events), nextAfter);
  }

  /** The request id in an event's stored metadata, if it has one. */
  private static String requestIdOf(DomainEventMessage<?> message) {
    return message.getMetaData().get(RequestMetadata.REQUEST_ID) instanceof String id ? id : null;
  }

  private List<AuditEntry> entries(List<ReadEvent> events) {
    Map<UUID, String> names =
        usernames.of(events.stream().map(e -> EventActors.actor(e.payload())));
    List<AuditEntry> entries = new ArrayList<>(events.size());
    for (ReadEvent event : events) {
      UserId actor = EventActors.actor(event.payload());
      entries.add(
          new AuditEntry(
              event.position(),
              event.globalIndex(),
              EventTypes.aggregateTypeName(event.aggregateType()),
              event.aggregateId(),
              event.sequence() + 1,
              EventTypes.typeName(event.payload().getClass()),
              event.occurredAt(),
              actor == null ? null : new UserSummary(actor, names.get(actor.value())),
              EventData.complete(event.payload()),
              event.requestId()));
    }
    return entries;
  }

  /** A row of a page: its position, its indexed time and the event as stored. */
  private record Row(long position, Instant occurredAt, StoredEvent stored) {}

  /** An event of a page, as an entry shows it: its payload at its current revision. */
  private record ReadEvent(
      long position,
      long globalIndex,
      Instant occurredAt,
      String aggregateId,
      long sequence,
      String aggregateType,
      Object payload,
      String requestId) {}
}
