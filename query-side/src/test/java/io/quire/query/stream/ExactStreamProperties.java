package io.quire.query.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.audit.AuditEntry;
import io.quire.kernel.audit.AuditFilter;
import io.quire.kernel.audit.AuditPage;
import io.quire.kernel.audit.EventStreamQuery;
import io.quire.kernel.audit.VerifySealsQuery;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.query.audit.AuditQueries;
import io.quire.query.testing.ReadModelDatabase;
import io.quire.query.testing.StoredEvents;
import io.quire.query.users.Usernames;
import io.quire.testsupport.Seeded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The exact stream as properties, on the embedded database. Events "commit" when their rows are
 * written; a read stamps what has committed first, as on the server.
 *
 * <ul>
 *   <li>A reader following {@code next_after}, with reads between any of the commits, sees every
 *       committed event exactly once, in position order, whatever order the commits came in
 *       relative to their global indexes.
 *   <li>The seals depend on the events and their commit order only, not on how the stamping was cut
 *       into batches; the per-aggregate stream seals chain across batches.
 * </ul>
 */
class ExactStreamProperties {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final UserId ADA = UserId.of("00000000-0000-0000-0000-00000000000a");
  private static final OrgId ORG = OrgId.random();

  @Test
  void aReaderFollowingNextAfterSeesEveryCommittedEventOnceWhateverTheCommitOrder() {
    Seeded.qt()
        .withExamples(30)
        .forAll(
            lists().of(integers().between(0, 1000)).ofSizeBetween(1, 25), integers().between(1, 4))
        .checkAssert(
            (ranks, pageSize) -> {
              try (World world = new World()) {
                // Global indexes 1..n are taken in order; the commits come in the order of the
                // ranks (a commit "overtakes" those still open), with a read after each.
                int n = ranks.size();
                List<Integer> commitOrder = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                  commitOrder.add(i);
                }
                commitOrder.sort((a, b) -> Integer.compare(ranks.get(a), ranks.get(b)));
                List<Long> seen = new ArrayList<>();
                long after = 0;
                for (int i : commitOrder) {
                  world.taskCreated(i + 1);
                  after = world.readOn(after, pageSize, seen);
                }
                after = world.readOn(after, pageSize, seen);

                assertThat(seen).doesNotHaveDuplicates().hasSize(n);
                assertThat(new HashSet<>(seen)).isEqualTo(world.stored);
                assertThat(world.fromTheStart()).containsExactlyElementsOf(seen);
                assertThat(after).isEqualTo(n);
              }
            });
  }

  @Test
  void theSealsDoNotDependOnHowTheStampingWasBatched() {
    Seeded.qt()
        .withExamples(25)
        .forAll(
            lists().of(integers().between(0, 3)).ofSizeBetween(1, 30),
            lists().of(integers().between(0, 2)).ofSize(30))
        .checkAssert(
            (aggregates, cuts) -> {
              try (World allAtOnce = new World();
                  World inBatches = new World()) {
                List<TaskId> tasks =
                    List.of(TaskId.random(), TaskId.random(), TaskId.random(), TaskId.random());
                Map<Integer, Integer> next = new HashMap<>();
                for (int i = 0; i < aggregates.size(); i++) {
                  int aggregate = aggregates.get(i);
                  int sequence = next.merge(aggregate, 1, Integer::sum) - 1;
                  allAtOnce.taskEvent(i + 1, tasks.get(aggregate), sequence);
                  inBatches.taskEvent(i + 1, tasks.get(aggregate), sequence);
                  if (cuts.get(i) == 0) {
                    inBatches.stream.catchUp();
                  }
                }
                allAtOnce.stream.catchUp();
                inBatches.stream.catchUp();

                assertThat(inBatches.stamps()).isEqualTo(allAtOnce.stamps());
                assertThat(inBatches.seals.wholeHistory().firstBroken()).isNull();
                for (TaskId task : new HashSet<>(aggregates.stream().map(tasks::get).toList())) {
                  assertThat(
                          inBatches
                              .seals
                              .handle(new VerifySealsQuery(task.toString()))
                              .orElseThrow()
                              .firstBroken())
                      .isNull();
                }
              }
            });
  }

  /** A fresh embedded database with the stream's parts around it. */
  private static final class World implements AutoCloseable {
    private final ReadModelDatabase db = ReadModelDatabase.migrated();
    private final StoredEvents store = new StoredEvents(db.jdbc());
    private final DataSource dataSource = db.jdbc().getJdbcTemplate().getDataSource();
    private final EventStream stream = new EventStream(dataSource);
    private final Seals seals = new Seals(db.jdbc(), stream);
    private final AuditQueries queries =
        new AuditQueries(db.jdbc(), StoredEvents.READER, new Usernames(db.jdbc()), stream);
    private final OrgId org = ORG;
    private final Set<Long> stored = new HashSet<>();

    void taskCreated(long globalIndex) {
      taskEvent(globalIndex, TaskId.random(), 0);
    }

    void taskEvent(long globalIndex, TaskId task, int sequence) {
      Object event =
          sequence == 0
              ? new TaskCreatedEvent(task, org, "Task", "", null, null, ADA, T0)
              : new TaskRetitledEvent(task, org, "Title " + sequence, ADA, T0);
      store.store(globalIndex, "Task", task.toString(), sequence, event, T0);
      // The same identity in every world (the store gives each event a random one).
      db.jdbc()
          .getJdbcTemplate()
          .update(
              "UPDATE domain_event_entry SET event_identifier = ? WHERE global_index = ?",
              "event-" + globalIndex,
              globalIndex);
      store.index(globalIndex, org.value(), "task.created", T0);
      stored.add(globalIndex);
    }

    /** Reads on from {@code after} until caught up; answers the next {@code after}. */
    long readOn(long after, int pageSize, List<Long> seen) {
      long next = after;
      while (true) {
        AuditPage page =
            queries.handle(new EventStreamQuery(new AuditFilter(next, pageSize, null, null, null)));
        page.results().forEach(entry -> seen.add(entry.globalSequence()));
        assertThat(page.nextAfter()).isGreaterThanOrEqualTo(next);
        next = page.nextAfter();
        if (page.results().isEmpty()) {
          return next;
        }
      }
    }

    List<Long> fromTheStart() {
      return queries
          .handle(new EventStreamQuery(new AuditFilter(0, 1000, null, null, null)))
          .results()
          .stream()
          .map(AuditEntry::globalSequence)
          .toList();
    }

    /** Each event's position and seals, by global index. */
    List<String> stamps() {
      return db.jdbc()
          .getJdbcTemplate()
          .query(
              "SELECT global_index, position, seal, stream_seal FROM audit_event"
                  + " ORDER BY global_index",
              (row, n) ->
                  row.getLong("global_index")
                      + "@"
                      + row.getLong("position")
                      + ":"
                      + SealChain.hex(row.getBytes("seal"))
                      + "/"
                      + SealChain.hex(row.getBytes("stream_seal")));
    }

    @Override
    public void close() {
      db.close();
    }
  }
}
