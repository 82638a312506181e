package io.quire.api.persistence;

import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event storage engine on Quire's event tables, without the snapshot query.
 *
 * <p><b>JDBC, not JPA.</b> The event store is written and read with plain JDBC statements on the
 * connection of the command's transaction (the one the read models are written on): an event is one
 * {@code INSERT} whose position ({@code global_index}) the database draws from its sequence as the
 * column's default, where Axon's JPA engine asked for the next sequence value in a round trip of
 * its own first and went through Hibernate's persistence context for every event and every
 * aggregate load (docs/performance.md, <i>Statements per write</i>). The tables and their columns
 * are the ones the JPA engine used ({@link #SCHEMA}), so stores written before read on unchanged.
 *
 * <p><b>No snapshots.</b> Quire takes none (its aggregates have a handful of events each, and no
 * snapshotter is configured), yet Axon asks the snapshot table for an aggregate's latest snapshot
 * every time it loads one: a query on every command that can never find anything. This engine
 * answers "none" without asking. Should snapshots ever be taken, remove that override first: with
 * it, stored snapshots would be ignored (the aggregate would still load correctly, from all of its
 * events).
 *
 * <p><b>One query per aggregate load.</b> An aggregate's events are read in batches of sequence
 * numbers; a batch shorter than the batch size is the last one (sequence numbers have no gaps:
 * events are never deleted), so a load does not ask once more for an empty batch, as the JDBC
 * engine does by default.
 */
public class SnapshotlessJdbcEventStorageEngine extends JdbcEventStorageEngine {

  /** The event tables as Quire's migrations made them (Axon's JPA naming, in snake case). */
  public static final EventSchema SCHEMA =
      EventSchema.builder()
          .eventTable("domain_event_entry")
          .snapshotTable("snapshot_event_entry")
          .globalIndexColumn("global_index")
          .timestampColumn("time_stamp")
          .eventIdentifierColumn("event_identifier")
          .aggregateIdentifierColumn("aggregate_identifier")
          .sequenceNumberColumn("sequence_number")
          .typeColumn("type")
          .payloadTypeColumn("payload_type")
          .payloadRevisionColumn("payload_revision")
          .payloadColumn("payload")
          .metaDataColumn("meta_data")
          .build();

  /** Events read per query when an aggregate is loaded or a stream is read (Axon's default). */
  public static final int BATCH_SIZE = 100;

  public SnapshotlessJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
    super(
        builder
            .schema(SCHEMA)
            .batchSize(BATCH_SIZE)
            .finalAggregateBatchPredicate(batch -> batch.size() < BATCH_SIZE));
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    return Stream.empty();
  }
}
