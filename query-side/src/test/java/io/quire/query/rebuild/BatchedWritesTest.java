package io.quire.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.query.rebuild.BatchedWrites.PresumptionFailedException;
import io.quire.query.testing.ReadModelDatabase;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The projections' writes in batches during a rebuild: each handler sees what it would see
 * unbatched, every read sees every earlier write, and a batch that did not do what its handlers
 * were told fails, so the rebuild applies those events again one statement at a time.
 */
class BatchedWritesTest {

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private Connection connection;
  private BatchedWrites writes;
  private NamedParameterJdbcTemplate jdbc;

  @BeforeEach
  void open() throws Exception {
    connection = db.jdbc().getJdbcTemplate().getDataSource().getConnection();
    connection.setAutoCommit(false);
    writes = new BatchedWrites(connection);
    jdbc =
        new NamedParameterJdbcTemplate(new SingleConnectionDataSource(writes.connection(), true));
  }

  @AfterEach
  void close() throws Exception {
    writes.close();
    connection.rollback();
    connection.close();
    db.close();
  }

  @Test
  void batchedWritesAreSentTogetherBeforeAnyRead() throws Exception {
    writes.batching(true);

    for (int i = 0; i < 5; i++) {
      assertThat(insert("u" + i)).isEqualTo(1);
    }
    assertThat(writes.batchesSent()).isZero();
    long seen =
        jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM user_directory", Long.class);

    assertThat(seen).isEqualTo(5);
    assertThat(writes.batchesSent()).isEqualTo(1);
  }

  @Test
  void statementsOfDifferentSqlRunInTheOrderTheHandlersRanThem() throws Exception {
    writes.batching(true);

    insert("ada");
    rename("ada", "ada-2");
    insert("bob");
    writes.flush();

    assertThat(
            jdbc.getJdbcTemplate()
                .queryForList(
                    "SELECT username FROM user_directory ORDER BY username", String.class))
        .containsExactly("ada-2", "bob");
    assertThat(writes.batchesSent()).isEqualTo(3);
  }

  @Test
  void aBatchedWriteThatChangedNoRowFailsTheBatch() {
    writes.batching(true);

    assertThat(rename("nobody", "somebody")).isEqualTo(1);

    assertThatThrownBy(writes::flush)
        .isInstanceOf(PresumptionFailedException.class)
        .hasMessageContaining("changed 0 rows");
  }

  @Test
  void unbatchedWritesRunAtOnceWithTheirRealCounts() throws Exception {
    writes.batching(false);

    assertThat(rename("nobody", "somebody")).isZero();
    assertThat(insert("ada")).isEqualTo(1);
    assertThat(writes.batchesSent()).isZero();
  }

  @Test
  void discardedWritesAreNeverSent() throws Exception {
    writes.batching(true);
    insert("ada");

    writes.discard();

    assertThat(
            jdbc.getJdbcTemplate()
                .queryForObject("SELECT COUNT(*) FROM user_directory", Long.class))
        .isZero();
    writes.batching(false);
    assertThat(insert("bob")).isEqualTo(1);
  }

  @Test
  void batchingCannotBeTurnedWhileWritesArePending() {
    writes.batching(true);
    insert("ada");

    assertThatThrownBy(() -> writes.batching(false)).isInstanceOf(IllegalStateException.class);
  }

  private int insert(String username) {
    return jdbc.update(
        "INSERT INTO user_directory (id, username) VALUES (:id, :username)",
        Map.of("id", java.util.UUID.nameUUIDFromBytes(username.getBytes()), "username", username));
  }

  private int rename(String from, String to) {
    return jdbc.update(
        "UPDATE user_directory SET username = :to WHERE username = :from",
        Map.of("from", from, "to", to));
  }
}
