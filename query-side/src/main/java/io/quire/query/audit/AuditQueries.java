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
import io.quire.query.sql.SqlValues;
import io.quire.query.stream.EventStream;
import io.quire.query.users.Usernames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
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
 * <p>Payloads are deserialized as stored; Quire has no upcasters. Should an event's shape ever
 * change with an upcaster, this is the one read that would have to apply it as well.
 */
@Component
public class AuditQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final Serializer serializer;
  private final Usernames usernames;
  private final EventStream stream;

  public AuditQueries(
      NamedParameterJdbcTemplate jdbc,
      @Qualifier("eventSerializer") Serializer serializer,
      Usernames usernames,
      EventStream stream) {
    this.jdbc = jdbc;
    this.serializer = serializer;
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
    List<StoredEvent> events =
        jdbc.query(
            """
            SELECT a.position, a.global_index, a.occurred_at, e.aggregate_identifier,
                   e.sequence_number, e.type AS aggregate_type, e.payload_type,
                   e.payload_revision, e.payload, e.meta_data
            FROM audit_event a
            JOIN domain_event_entry e ON e.global_index = a.global_index
            WHERE a.position > :after AND a.position <= :head"""
                + where
                + " ORDER BY a.position LIMIT :limit",
            params,
            (row, n) ->
                new StoredEvent(
                    row.getLong("position"),
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
                            row.getString("payload_revision"))),
                    requestIdOf(row.getBytes("meta_data"))));
    long nextAfter =
        events.size() == filter.limit()
            ? events.get(events.size() - 1).position()
            : Math.max(filter.after(), head);
    stream.metrics().page(orgId != null, events.size());
    return new AuditPage(entries(events), nextAfter);
  }

  /** The request id in an event's stored metadata, if it has one. */
  private String requestIdOf(byte[] metaData) {
    if (metaData == null || metaData.length == 0) {
      return null;
    }
    MetaData meta = serializer.deserialize(new SerializedMetaData<>(metaData, byte[].class));
    return meta.get(RequestMetadata.REQUEST_ID) instanceof String id ? id : null;
  }

  private List<AuditEntry> entries(List<StoredEvent> events) {
    Map<UUID, String> names =
        usernames.of(events.stream().map(e -> EventActors.actor(e.payload())));
    List<AuditEntry> entries = new ArrayList<>(events.size());
    for (StoredEvent event : events) {
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

  private record StoredEvent(
      long position,
      long globalIndex,
      Instant occurredAt,
      String aggregateId,
      long sequence,
      String aggregateType,
      Object payload,
      String requestId) {}
}
