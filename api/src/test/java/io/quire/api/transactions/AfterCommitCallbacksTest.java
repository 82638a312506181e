package io.quire.api.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.api.testing.AfterCommitCallbacks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link AfterCommit} and the test utility {@link AfterCommitCallbacks}, on a transaction manager
 * with no database (Spring's synchronization machinery is all they use).
 */
class AfterCommitCallbacksTest {

  private final TransactionTemplate transactions = new TransactionTemplate(new NoDatabase());
  private final List<String> ran = new ArrayList<>();

  @Test
  void workRunsAfterTheCommitAndNotBefore() {
    transactions.executeWithoutResult(
        tx -> {
          AfterCommit.run(() -> ran.add("after"));
          ran.add("in the transaction");
        });

    assertThat(ran).containsExactly("in the transaction", "after");
  }

  @Test
  void workOfARolledBackTransactionNeverRuns() {
    transactions.executeWithoutResult(
        tx -> {
          AfterCommit.run(() -> ran.add("after"));
          tx.setRollbackOnly();
        });

    assertThat(ran).isEmpty();
  }

  @Test
  void schedulingOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> AfterCommit.run(() -> ran.add("never")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(ran).isEmpty();
  }

  @Test
  void capturesNothingOnRollback() {
    List<Runnable> captured =
        AfterCommitCallbacks.captureOnCommit(
            true,
            () ->
                transactions.executeWithoutResult(
                    tx -> {
                      AfterCommit.run(() -> ran.add("after"));
                      tx.setRollbackOnly();
                    }));

    assertThat(captured).isEmpty();
    assertThat(ran).isEmpty();
  }

  @Test
  void capturesOnceOnCommitAndRunsOnlyWhenExecuted() {
    try (AfterCommitCallbacks callbacks = AfterCommitCallbacks.capture()) {
      transactions.executeWithoutResult(tx -> AfterCommit.run(() -> ran.add("after")));

      assertThat(callbacks.captured()).hasSize(1);
      assertThat(ran).as("captured, not run").isEmpty();
      assertThat(callbacks.execute()).isEqualTo(1);
      assertThat(ran).containsExactly("after");
      assertThat(callbacks.execute()).as("nothing left").isZero();
      assertThat(ran).containsExactly("after");
    }
  }

  @Test
  void executeFalseRunsNothing() {
    List<Runnable> captured =
        AfterCommitCallbacks.captureOnCommit(
            false,
            () -> transactions.executeWithoutResult(tx -> AfterCommit.run(() -> ran.add("x"))));

    assertThat(captured).hasSize(1);
    assertThat(ran).isEmpty();
  }

  @Test
  void nestedCallbacksAreCapturedAndRunUntilNoneIsLeft() {
    Runnable third = () -> ran.add("third");
    Runnable second =
        () -> {
          ran.add("second");
          transactions.executeWithoutResult(tx -> AfterCommit.run(third));
        };
    Runnable first =
        () -> {
          ran.add("first");
          transactions.executeWithoutResult(tx -> AfterCommit.run(second));
        };

    List<Runnable> captured =
        AfterCommitCallbacks.captureOnCommit(
            true, () -> transactions.executeWithoutResult(tx -> AfterCommit.run(first)));

    assertThat(ran).containsExactly("first", "second", "third");
    assertThat(captured).containsExactly(first, second, third);
  }

  @Test
  void otherThreadsAreNotCaptured() throws InterruptedException {
    try (AfterCommitCallbacks callbacks = AfterCommitCallbacks.capture()) {
      Thread other =
          new Thread(
              () ->
                  transactions.executeWithoutResult(
                      tx -> AfterCommit.run(() -> ran.add("other thread"))));
      other.start();
      other.join();

      assertThat(callbacks.captured()).isEmpty();
      assertThat(ran).containsExactly("other thread");
    }
  }

  @Test
  void afterCloseWorkRunsNormallyAgain() {
    AfterCommitCallbacks.captureOnCommit(false, () -> {});

    transactions.executeWithoutResult(tx -> AfterCommit.run(() -> ran.add("after")));

    assertThat(ran).containsExactly("after");
  }

  /** A transaction manager without a resource: transactions that only synchronize. */
  private static final class NoDatabase extends AbstractPlatformTransactionManager {
    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }
}
