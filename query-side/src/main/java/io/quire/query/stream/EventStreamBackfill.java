package io.quire.query.stream;

import io.quire.query.sql.TransactionalJavaMigration;
import io.quire.query.stream.Stamper.Head;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Migration V17: gives the events stored before V16 their commit positions and seals, as the
 * running server's {@link Stamper} does for new ones, in batches of {@value #BATCH} by global index
 * (their commit order is not known any more; global index order is the order their appends began,
 * and it keeps every aggregate's events in sequence). Progress goes to the log. It runs inside
 * Flyway's transaction, so a failure leaves every event unstamped and the migration can simply run
 * again; its memory does not grow with the store.
 *
 * <p>Spring Boot hands every {@link JavaMigration} bean to Flyway; this one runs for either vendor.
 */
@Component
public class EventStreamBackfill extends TransactionalJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(EventStreamBackfill.class);
  private static final int BATCH = 1000;
  private static final long LOG_EVERY = 50_000;

  public EventStreamBackfill() {
    super("17", "event stream positions and seals");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    long total;
    try (Statement count = connection.createStatement();
        ResultSet row =
            count.executeQuery("SELECT COUNT(*) FROM audit_event WHERE position IS NULL")) {
      row.next();
      total = row.getLong(1);
    }
    if (total == 0) {
      return;
    }
    LOG.info("Sealing the {} events stored before commit positions existed", total);
    Stamper stamper = new Stamper();
    Head start = Stamper.lockHead(connection, false).orElseThrow();
    Head head = start;
    long after = 0;
    long logged = 0;
    Stamper.Batch batch;
    do {
      batch = stamper.stampBatch(connection, head, after, BATCH);
      head = batch.head();
      after = batch.lastGlobalIndex();
      long done = head.position() - start.position();
      if (done - logged >= LOG_EVERY) {
        logged = done;
        LOG.info("Sealed {} of {} events ({}%)", done, total, done * 100 / total);
      }
    } while (batch.stamped() == BATCH);
    Stamper.saveHead(connection, head);
    if (connection
        .getMetaData()
        .getDatabaseProductName()
        .toLowerCase(Locale.ROOT)
        .contains("postgres")) {
      // Fresh statistics for the new columns: without them the first reads by position are
      // planned as if the table had none (docs/performance.md, the 1,000,000-event store).
      try (Statement analyze = connection.createStatement()) {
        analyze.execute("ANALYZE audit_event");
      }
    }
    LOG.info(
        "Sealed {} events: the stream's head is position {}",
        head.position() - start.position(),
        head.position());
  }
}
