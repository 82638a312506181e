package io.quire.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.quire.api.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lost race in the event store, made on purpose: the same aggregate's sequence number appended
 * twice, as two commands on one aggregate (or two deliveries of one webhook) do when they meet.
 * Axon reports it as a {@link ConcurrencyException} (or, for an aggregate's first event, an {@link
 * AggregateStreamCreationException}), which Quire handles, and Hibernate's WARN and ERROR about it
 * are not logged ({@link HandledUniqueViolations}).
 */
@IntegrationTest
class HandledUniqueViolationsIntegrationTest {

  @Autowired EventStorageEngine events;
  @Autowired TransactionTemplate transactions;

  @Test
  void aLostRaceForASequenceNumberIsAConcurrencyExceptionAndHibernateLogsNothing() {
    String aggregate = UUID.randomUUID().toString();
    append(aggregate, 0);
    append(aggregate, 1);

    List<String> logged =
        hibernateLogsWhile(
            () ->
                assertThatThrownBy(() -> append(aggregate, 1))
                    .isInstanceOf(ConcurrencyException.class));

    assertThat(logged).isEmpty();
    assertThat(events.readEvents(aggregate).asStream().count())
        .as("the first appends stand, the second of sequence number 1 rolled back")
        .isEqualTo(2);
  }

  @Test
  void aLostRaceToCreateAnAggregateIsAStreamCreationExceptionAndHibernateLogsNothing() {
    String aggregate = UUID.randomUUID().toString();
    append(aggregate, 0);

    List<String> logged =
        hibernateLogsWhile(
            () ->
                assertThatThrownBy(() -> append(aggregate, 0))
                    .isInstanceOf(AggregateStreamCreationException.class));

    assertThat(logged).isEmpty();
    assertThat(events.readEvents(aggregate).asStream().count()).isEqualTo(1);
  }

  /** What Hibernate's SQL error logger logged while {@code action} ran. */
  private static List<String> hibernateLogsWhile(Runnable action) {
    Logger hibernate =
        (Logger) LoggerFactory.getLogger(HandledUniqueViolations.HIBERNATE_SQL_ERRORS);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    hibernate.addAppender(logged);
    try {
      action.run();
    } finally {
      hibernate.detachAppender(logged);
    }
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private void append(String aggregate, long sequenceNumber) {
    transactions.executeWithoutResult(
        status ->
            events.appendEvents(
                List.of(
                    new GenericDomainEventMessage<>(
                        "LoggingProbe", aggregate, sequenceNumber, "a lost race, on purpose"))));
  }
}
