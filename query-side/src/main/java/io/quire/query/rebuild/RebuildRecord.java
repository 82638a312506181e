package io.quire.query.rebuild;

import java.time.Instant;
import java.util.Optional;

/** A row of {@code projection_rebuild}: the state of one read model's rebuild. */
record RebuildRecord(
    String name,
    String status,
    String owner,
    boolean leaseLive,
    Instant startedAt,
    Optional<Instant> finishedAt,
    long position,
    long target,
    double eventsPerSecond,
    int resumed,
    Optional<Long> errorPosition,
    Optional<Long> errorGlobalSequence,
    Optional<String> errorMessage) {

  static final String REPLAYING = "replaying";
  static final String DONE = "done";
  static final String ERROR = "error";

  /** Whether a server is running it now (it is replaying and its owner's claim holds). */
  boolean running() {
    return REPLAYING.equals(status) && leaseLive;
  }
}
