package io.quire.perf.floor;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor's endpoints: each does what its Quire counterpart must do at the least, and nothing
 * else (no authentication, no access check, no validation beyond Jackson's).
 *
 * <ul>
 *   <li>{@code POST /floor/appends/{id}/}: pgbench's transaction ({@code pgbench/append-event.sql})
 *       through JDBC: the aggregate's events read, the next one appended, its read-model row
 *       upserted, in one transaction; 201 with the new sequence number and version. Two requests
 *       racing for one sequence number: the loser runs again, as Quire's commands do.
 *   <li>{@code GET /floor/rows/{id}/}: one read-model row by primary key, as JSON; 404 if none.
 *   <li>{@code GET /livez/}: the trivial endpoint, as Quire's.
 * </ul>
 */
@RestController
class FloorController {

  /** A change, as a client would send it. */
  record Change(String status) {}

  /** What an append answers. */
  record Appended(long aggregateId, long sequenceNumber, long version) {}

  /** One read-model row. */
  record Row(long aggregateId, long version, String title, String status, String updatedAt) {}

  private static final int ATTEMPTS = 5;
  private static final String EVENT_TYPE = "io.quire.kernel.tasks.TaskStatusChangedEvent";
  private static final byte[] PAYLOAD = "y".repeat(200).getBytes(StandardCharsets.UTF_8);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  FloorController(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @GetMapping("/livez/")
  Map<String, String> livez() {
    return Map.of("status", "ok");
  }

  @PostMapping("/floor/appends/{id}/")
  ResponseEntity<Appended> append(@PathVariable long id, @RequestBody Change change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(transaction.execute(status -> appendOnce(id, change)));
      } catch (DuplicateKeyException lostTheRace) {
        if (attempt == ATTEMPTS) {
          throw lostTheRace;
        }
      }
    }
  }

  private Appended appendOnce(long id, Change change) {
    List<Long> sequence =
        jdbc.query(
            "SELECT sequence_number, type, payload FROM quire_floor.event"
                + " WHERE aggregate_id = ? ORDER BY sequence_number",
            (row, n) -> row.getLong(1),
            id);
    long next = sequence.isEmpty() ? 0 : sequence.get(sequence.size() - 1) + 1;
    jdbc.update(
        "INSERT INTO quire_floor.event"
            + " (aggregate_id, sequence_number, event_id, type, time_stamp, payload)"
            + " VALUES (?, ?, ?, ?, now()::text, ?)",
        id,
        next,
        UUID.randomUUID(),
        EVENT_TYPE,
        PAYLOAD);
    Long version =
        jdbc.queryForObject(
            "INSERT INTO quire_floor.read_model (aggregate_id, version, title, status, updated_at)"
                + " VALUES (?, 0, 'task', ?, now())"
                + " ON CONFLICT (aggregate_id) DO UPDATE"
                + " SET version = quire_floor.read_model.version + 1, status = EXCLUDED.status,"
                + " updated_at = EXCLUDED.updated_at"
                + " RETURNING version",
            Long.class,
            id,
            change.status());
    return new Appended(id, next, version);
  }

  @GetMapping("/floor/rows/{id}/")
  ResponseEntity<Row> row(@PathVariable long id) {
    List<Row> rows =
        jdbc.query(
            "SELECT aggregate_id, version, title, status, updated_at FROM quire_floor.read_model"
                + " WHERE aggregate_id = ?",
            (row, n) ->
                new Row(
                    row.getLong(1),
                    row.getLong(2),
                    row.getString(3),
                    row.getString(4),
                    row.getObject(5, OffsetDateTime.class).toInstant().toString()),
            id);
    return rows.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(rows.get(0));
  }
}
