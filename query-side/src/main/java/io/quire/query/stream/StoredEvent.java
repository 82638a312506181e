package io.quire.query.stream;

/**
 * An event exactly as {@code domain_event_entry} stores it: what a seal covers. {@code
 * payloadRevision} and {@code metaData} may be null, as Axon may store them.
 */
public record StoredEvent(
    long globalIndex,
    String eventIdentifier,
    String aggregateType,
    String aggregateId,
    long sequence,
    String payloadType,
    String payloadRevision,
    byte[] payload,
    byte[] metaData,
    String timeStamp) {}
