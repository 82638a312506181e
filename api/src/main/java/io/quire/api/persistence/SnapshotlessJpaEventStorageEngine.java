package io.quire.api.persistence;

import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * Axon's JPA event storage engine, without the snapshot query. Quire takes no snapshots (its
 * aggregates have a handful of events each, and no snapshotter is configured), yet Axon asks the
 * snapshot table for an aggregate's latest snapshot every time it loads one: a query on every
 * command that can never find anything. This engine answers that question with "none" without
 * asking, so loading an aggregate is one query for its events (docs/performance.md).
 *
 * <p>Should snapshots ever be taken, remove this class first: with it, stored snapshots would be
 * ignored (the aggregate would still load correctly, from all of its events).
 */
public class SnapshotlessJpaEventStorageEngine extends JpaEventStorageEngine {

  public SnapshotlessJpaEventStorageEngine(JpaEventStorageEngine.Builder builder) {
    super(builder);
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    return Stream.empty();
  }
}
