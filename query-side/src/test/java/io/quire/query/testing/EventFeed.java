package io.quire.query.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * Events as the application produces them: each is appended to an in-memory Axon event store as its
 * aggregate's next event (sequence numbers from 0) and handed at once to the projections through
 * Axon's annotation adapters (so {@code @SequenceNumber} and {@code @ResetHandler} are resolved as
 * in production), as a subscribing processor does.
 */
public final class EventFeed implements AutoCloseable {

  private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
  private final EmbeddedEventStore store =
      EmbeddedEventStore.builder().storageEngine(storage).build();
  private final List<Object> targets;
  private final List<AnnotationEventHandlerAdapter> projections;
  private final Map<String, Long> nextSequence = new HashMap<>();

  public EventFeed(Object... projections) {
    this.targets = List.of(projections);
    this.projections = targets.stream().map(AnnotationEventHandlerAdapter::new).toList();
  }

  /** The event store the events are appended to. */
  public EventStore store() {
    return store;
  }

  /** Appends {@code payload} as the aggregate's next event and projects it. */
  public DomainEventMessage<?> publish(String aggregateType, Object aggregateId, Object payload) {
    String id = aggregateId.toString();
    long sequence = nextSequence.merge(id, 1L, Long::sum) - 1;
    DomainEventMessage<?> event =
        new GenericDomainEventMessage<>(aggregateType, id, sequence, payload);
    store.publish(event);
    project(event);
    return event;
  }

  /**
   * Projects an event with the sequence number given, without storing it: for events delivered
   * again or out of order.
   */
  public void deliver(String aggregateType, Object aggregateId, long sequence, Object payload) {
    project(
        new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), sequence, payload));
  }

  /** Projects a stored event again, as a replay does. */
  public void redeliver(DomainEventMessage<?> event) {
    project(event);
  }

  /** Resets every projection, as before a replay. */
  public void reset() {
    projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
  }

  /** Resets the projections and projects every stored event again, oldest first. */
  public void replayAll() {
    reset();
    storage.readEvents(null, false).forEach(m -> project((DomainEventMessage<?>) m));
  }

  /** Resets one projection, as before a replay of its read model alone. */
  public void reset(Object projection) {
    adapterOf(projection).prepareReset();
  }

  /**
   * Resets one projection and projects every stored event again to it alone, oldest first, as the
   * rebuild of one read model does; the other projections keep their tables.
   */
  public void replay(Object projection) {
    List<AnnotationEventHandlerAdapter> one = List.of(adapterOf(projection));
    one.get(0).prepareReset();
    storage.readEvents(null, false).forEach(m -> project((DomainEventMessage<?>) m, one));
  }

  private void project(DomainEventMessage<?> event) {
    project(event, projections);
  }

  private static void project(
      DomainEventMessage<?> event, List<AnnotationEventHandlerAdapter> projections) {
    for (AnnotationEventHandlerAdapter projection : projections) {
      try {
        if (projection.canHandle(event)) {
          projection.handle(event);
        }
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private AnnotationEventHandlerAdapter adapterOf(Object projection) {
    int index = targets.indexOf(projection);
    if (index < 0) {
      throw new IllegalArgumentException("not a projection of this feed: " + projection);
    }
    return projections.get(index);
  }

  @Override
  public void close() {
    store.shutDown();
  }
}
