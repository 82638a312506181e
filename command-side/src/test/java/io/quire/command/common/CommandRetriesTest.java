package io.quire.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.command.orgs.LastAdminException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class CommandRetriesTest {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
  private final CommandGateway gateway = CommandRetries.gateway(bus, executor);
  private final AtomicInteger attempts = new AtomicInteger();
  private final CountingTransactions transactionManager = new CountingTransactions();
  private final TransactionTemplate transactions = new TransactionTemplate(transactionManager);

  /** Transactions that do nothing but be counted. */
  static final class CountingTransactions implements PlatformTransactionManager {
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger rollbacks = new AtomicInteger();

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) {
      return new SimpleTransactionStatus();
    }

    @Override
    public void commit(TransactionStatus status) {
      commits.incrementAndGet();
    }

    @Override
    public void rollback(TransactionStatus status) {
      rollbacks.incrementAndGet();
    }
  }

  record Edit(String what) {}

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aCommandThatLostARaceToAppendIsSentAgainAndSucceeds() {
    failFirst(2, () -> new ConcurrencyException("sequence 3 already taken"));

    Object result = gateway.sendAndWait(new Edit("title"));

    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void aLostRaceIsRetriedWithTheDatabasesErrorUnderIt() {
    // As the event store throws it: the unique key's violation is the cause.
    failFirst(
        1,
        () ->
            new ConcurrencyException(
                "An event for aggregate [t] at sequence [1] was already inserted",
                new RuntimeException(
                    new SQLException("duplicate key value violates unique constraint", "23505"))));

    Object result = gateway.sendAndWait(new Edit("title"));

    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aDeadlockVictimIsRetried() {
    failFirst(
        1,
        () ->
            new RuntimeException(
                "could not update", new SQLException("deadlock detected", "40P01")));

    Object result = gateway.sendAndWait(new Edit("status"));

    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void otherDatabaseErrorsAreNotRetried() {
    failFirst(1, () -> new RuntimeException(new SQLException("value too long", "22001")));

    assertThatThrownBy(() -> gateway.sendAndWait(new Edit("title")))
        .isInstanceOf(RuntimeException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aTransactionOfTheCallersOwnRunsAgainWholeAfterARetryableFailure() {
    AtomicInteger runs = new AtomicInteger();

    String result =
        CommandRetries.inTransactionRetried(
            transactions,
            () -> {
              if (runs.incrementAndGet() < 3) {
                throw new RuntimeException(new SQLException("deadlock detected", "40P01"));
              }
              return "committed";
            });

    assertThat(result).isEqualTo("committed");
    assertThat(runs).hasValue(3);
    assertThat(transactionManager.rollbacks).as("each failed run rolled back").hasValue(2);
    assertThat(transactionManager.commits).hasValue(1);
  }

  @Test
  void aTransactionOfTheCallersOwnIsNotRunAgainAfterARefusal() {
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(
            () ->
                CommandRetries.inTransactionRetried(
                    transactions,
                    () -> {
                      runs.incrementAndGet();
                      throw new LastAdminException();
                    }))
        .isInstanceOf(LastAdminException.class);
    assertThat(runs).hasValue(1);
  }

  @Test
  void aCommandThatKeepsLosingFailsAfterTheLastRetry() {
    failFirst(Integer.MAX_VALUE, () -> new ConcurrencyException("always taken"));

    assertThatThrownBy(() -> gateway.sendAndWait(new Edit("title")))
        .isInstanceOf(ConcurrencyException.class);
    assertThat(attempts).hasValue(1 + CommandRetries.MAX_RETRIES);
  }

  @Test
  void refusalsAreAnswersAndNeverRetried() {
    failFirst(Integer.MAX_VALUE, LastAdminException::new);

    assertThatThrownBy(() -> gateway.sendAndWait(new Edit("role")))
        .isInstanceOf(LastAdminException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aGatewayWithoutRetriesSendsALosingCommandOnce() {
    failFirst(1, () -> new ConcurrencyException("sequence 3 already taken"));

    assertThatThrownBy(() -> CommandRetries.withoutRetries(bus).sendAndWait(new Edit("title")))
        .isInstanceOf(ConcurrencyException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aRetryRunsInTheLoggingContextOfTheFirstAttempt() {
    List<String> seen = new CopyOnWriteArrayList<>();
    bus.subscribe(
        Edit.class.getName(),
        (CommandMessage<?> command) -> {
          seen.add(Thread.currentThread().getName() + " " + MDC.get("requestId"));
          if (attempts.incrementAndGet() == 1) {
            throw new ConcurrencyException("sequence 3 already taken");
          }
          return "done";
        });
    MDC.put("requestId", "req-42");
    try {
      gateway.sendAndWait(new Edit("title"));
    } finally {
      MDC.remove("requestId");
    }

    assertThat(seen).hasSize(2).allMatch(attempt -> attempt.endsWith(" req-42"));
    assertThat(seen.get(0)).as("the retry ran on another thread").isNotEqualTo(seen.get(1));
  }

  @Test
  void onlyLostAppendRacesAreRetryable() {
    assertThat(CommandRetries.isRetryable(new ConflictingAggregateVersionException("t", 1, 2)))
        .isFalse();
    assertThat(CommandRetries.isRetryable(new PermissionDeniedException())).isFalse();
    assertThat(CommandRetries.isRetryable(new RuntimeException(new ConcurrencyException("x"))))
        .isTrue();
  }

  private void failFirst(int failures, Supplier<RuntimeException> failure) {
    bus.subscribe(
        Edit.class.getName(),
        (CommandMessage<?> command) -> {
          if (attempts.incrementAndGet() <= failures) {
            throw failure.get();
          }
          return "done";
        });
  }
}
