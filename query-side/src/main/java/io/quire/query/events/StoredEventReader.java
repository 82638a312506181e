package io.quire.query.events;

import io.quire.query.stream.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Reads stored event rows ({@link StoredEvent}: a row of {@code domain_event_entry} exactly as
 * stored) as the events they are now: each row goes through the upcaster chain Axon's event store
 * reads with ({@code io.quire.kernel.upcasting}), then is deserialized by the event serializer, as
 * Axon's JPA storage engine does when it streams events. So an event stored at an older revision
 * arrives in its current shape here exactly as it does in an aggregate or {@code
 * EventStore.readEvents}.
 *
 * <p>Every reader of {@code domain_event_entry} that shows or applies payloads goes through this
 * (the audit log, projection rebuilds). The seals ({@code io.quire.query.stream}) do not: they hash
 * the row as stored, and this never changes a {@link StoredEvent}.
 *
 * <p>Each message is a {@link GenericTrackedDomainEventMessage}: a {@code DomainEventMessage} (its
 * aggregate type, id and sequence number, its identifier, timestamp and metadata as stored) and a
 * {@code TrackedEventMessage} whose token is a {@link GlobalSequenceTrackingToken} of the row's
 * global index. Payload and metadata are deserialized when first asked for.
 */
@Component
public class StoredEventReader {

  /** What a row without metadata (written by hand, not by Axon) reads as: none. */
  private static final byte[] NO_META_DATA = "{}".getBytes(StandardCharsets.UTF_8);

  private final Serializer serializer;
  private final Supplier<EventUpcaster> upcasters;

  /** The application's: Axon's event serializer and the upcaster chain of its configuration. */
  @Autowired
  public StoredEventReader(
      @Qualifier("eventSerializer") Serializer serializer, Configuration axon) {
    this(serializer, axon::upcasterChain);
  }

  /** With these upcasters (tests and tools: {@code KernelUpcasters.chain()}). */
  public StoredEventReader(Serializer serializer, EventUpcaster upcasters) {
    this(serializer, () -> upcasters);
  }

  private StoredEventReader(Serializer serializer, Supplier<EventUpcaster> upcasters) {
    this.serializer = serializer;
    this.upcasters = upcasters;
  }

  /** One stored event, at its current revision. */
  public GenericTrackedDomainEventMessage<?> read(StoredEvent event) {
    return read(Stream.of(event)).findFirst().orElseThrow();
  }

  /** Stored events, in the order given (global index order), each at its current revision. */
  public List<GenericTrackedDomainEventMessage<?>> read(List<StoredEvent> events) {
    return read(events.stream()).toList();
  }

  /**
   * Stored events, lazily, in the order given (global index order, as upcasters that look at more
   * than one event expect), each at its current revision.
   */
  public Stream<GenericTrackedDomainEventMessage<?>> read(Stream<StoredEvent> events) {
    return EventUtils.upcastAndDeserializeTrackedEvents(
            events.map(StoredEventReader::data), serializer, upcasters.get())
        .map(message -> (GenericTrackedDomainEventMessage<?>) message);
  }

  private static TrackedDomainEventData<byte[]> data(StoredEvent event) {
    byte[] metaData = event.metaData();
    return new TrackedDomainEventData<>(
        new GlobalSequenceTrackingToken(event.globalIndex()),
        new GenericDomainEventEntry<>(
            event.aggregateType(),
            event.aggregateId(),
            event.sequence(),
            event.eventIdentifier(),
            event.timeStamp(),
            event.payloadType(),
            event.payloadRevision(),
            event.payload(),
            metaData == null || metaData.length == 0 ? NO_META_DATA : metaData));
  }
}
