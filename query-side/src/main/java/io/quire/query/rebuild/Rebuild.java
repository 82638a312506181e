package io.quire.query.rebuild;

import io.quire.query.rebuild.HistoryPages.PositionedEvent;
import io.quire.query.rebuild.HistoryPages.UnreadableEventException;
import io.quire.query.stream.EventStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.serialization.UnknownSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One run of one read model's rebuild, on the server that owns it, from the position its record
 * holds to the cut-over:
 *
 * <ol>
 *   <li>At position 0, a fresh {@link ScratchCopy} (what an earlier attempt left is dropped).
 *   <li>Batches of commit positions, each in one transaction with the position it reached (so a
 *       batch is in the copy exactly when the record says so; a server that takes over goes on from
 *       there, applying nothing twice). The head moves while it runs; it follows.
 *   <li>Near the head, the copy's other indexes and foreign keys.
 *   <li>The cut-over, one transaction: the live tables locked (requests that come meanwhile wait
 *       for milliseconds), every committed event stamped, the rest applied, the tables swapped (a
 *       few DDL statements) and the record marked done. Writes that waited for the lock go on into
 *       the new tables after it commits, through the live projections.
 * </ol>
 *
 * <p>Only the model's projections see the events, called directly: no event bus, no other handler,
 * so nothing with an effect outside the read model (export jobs, anything that sends) runs again.
 */
final class Rebuild {

  private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);

  /**
   * PostgreSQL's lock_not_available, query_canceled (our own statement timeout) and
   * deadlock_detected (the cut-over, never a request, is the one to give way).
   */
  private static final List<String> GAVE_UP_WAITING = List.of("55P03", "57014", "40P01");

  private final ReadModel model;
  private final String owner;
  private final DataSource dataSource;
  private final EventStream stream;
  private final HistoryPages history;
  private final RebuildRecords records;
  private final RebuildSettings settings;
  private final ScratchCopy copy;
  private final BooleanSupplier stopping;
  private BatchedWrites writes;

  /** Batches applied again without batching (see {@link #batch}). */
  private long redone;

  Rebuild(
      ReadModel model,
      String owner,
      String liveSchema,
      DataSource dataSource,
      EventStream stream,
      HistoryPages history,
      RebuildRecords records,
      RebuildSettings settings,
      BooleanSupplier stopping) {
    this.model = model;
    this.owner = owner;
    this.dataSource = dataSource;
    this.stream = stream;
    this.history = history;
    this.records = records;
    this.settings = settings;
    this.copy = new ScratchCopy(model, liveSchema);
    this.stopping = stopping;
  }

  /** A batch the owner no longer owns: another server took the rebuild over. */
  private static final class LostClaimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LostClaimException(String message) {
      super(message);
    }
  }

  /** An event a handler could not apply (or that could not be read). */
  private static final class PoisonEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final long position;
    final long globalIndex;

    PoisonEventException(long position, long globalIndex, String message, Throwable cause) {
      super(message, cause);
      this.position = position;
      this.globalIndex = globalIndex;
    }
  }

  void run() {
    long position = 0;
    try (Connection connection = dataSource.getConnection();
        ReadAhead ahead = new ReadAhead(dataSource, history)) {
      connection.setAutoCommit(false);
      writes = new BatchedWrites(connection);
      NamedParameterJdbcTemplate jdbc =
          new NamedParameterJdbcTemplate(new SingleConnectionDataSource(writes.connection(), true));
      List<AnnotationEventHandlerAdapter> handlers =
          model.projections().apply(jdbc).stream().map(AnnotationEventHandlerAdapter::new).toList();
      RebuildRecord record =
          records
              .find(connection, model.name())
              .filter(found -> owner.equals(found.owner()))
              .orElseThrow(() -> new LostClaimException("the rebuild is no longer ours"));
      connection.commit();
      position = record.position();
      if (position > 0 && copy.lostInACrash(connection)) {
        LOG.warn(
            "Rebuild of {}: the copy built up to position {} was emptied by a crash of the"
                + " database; starting again from the first event",
            model.name(),
            position);
        if (!records.restart(connection, model.name(), owner, position)) {
          throw new LostClaimException("the rebuild is no longer ours");
        }
        connection.commit();
        position = 0;
      }
      if (position == 0) {
        copy.create(connection);
        if (records.lockOwned(connection, model.name(), owner).isEmpty()) {
          throw new LostClaimException("the rebuild is no longer ours");
        }
        connection.commit();
      }
      Progress progress = new Progress(position, record.resumed() > 0);
      boolean finished = false;
      while (!stopping.getAsBoolean()) {
        long head = stream.head().position();
        if (head - position > settings.cutOverWithin()) {
          long to = Math.min(head, position + settings.batch());
          List<PositionedEvent> events = read(ahead, connection, position, to);
          if (head - to > settings.cutOverWithin()) {
            ahead.start(to, Math.min(head, to + settings.batch()));
          }
          batch(connection, handlers, events, position, to, head, progress.eventsPerSecond());
          progress.reached(to, head);
          position = to;
          pause();
          continue;
        }
        if (!finished) {
          copy.finish(connection, dataSource);
          connection.commit();
          finished = true;
          continue;
        }
        if (cutOver(connection, handlers, position)) {
          return;
        }
      }
      LOG.info(
          "Rebuild of {} paused at position {}: this server is stopping; it resumes when its"
              + " claim runs out",
          model.name(),
          position);
    } catch (LostClaimException lost) {
      LOG.warn("Rebuild of {} left to another server: {}", model.name(), lost.getMessage());
    } catch (PoisonEventException poison) {
      LOG.error(
          "Rebuild of {} stopped at position {} (global sequence {}): {}",
          model.name(),
          poison.position,
          poison.globalIndex,
          poison.getMessage());
      fail(poison.position, poison.globalIndex, poison.getMessage());
    } catch (SQLException | RuntimeException e) {
      LOG.error("Rebuild of {} failed at position {}", model.name(), position, e);
      fail(position, null, "The rebuild failed: " + reason(e));
    } finally {
      if (writes != null) {
        writes.close();
      }
    }
  }

  /**
   * Applies the events at positions after {@code from} up to {@code to}, and records {@code to}, in
   * one transaction: the handlers' writes go in JDBC batches ({@link BatchedWrites}); should a
   * batch not do exactly what the handlers were told it did, or anything fail, the transaction is
   * rolled back (nothing of it is in the copy, and the record still says {@code from}) and the same
   * events are applied again statement by statement, as the live projections apply them, so that a
   * poison event is reported at its own position.
   */
  private void batch(
      Connection connection,
      List<AnnotationEventHandlerAdapter> handlers,
      List<PositionedEvent> events,
      long from,
      long to,
      long head,
      double eventsPerSecond)
      throws SQLException {
    try {
      transaction(connection, handlers, events, from, to, head, eventsPerSecond, true);
      return;
    } catch (LostClaimException lost) {
      throw lost;
    } catch (SQLException | RuntimeException e) {
      redone++;
      LOG.debug(
          "Rebuild of {}: positions {} to {} applied again without batching: {}",
          model.name(),
          from,
          to,
          reason(e));
    }
    transaction(connection, handlers, events, from, to, head, eventsPerSecond, false);
  }

  private void transaction(
      Connection connection,
      List<AnnotationEventHandlerAdapter> handlers,
      List<PositionedEvent> events,
      long from,
      long to,
      long head,
      double eventsPerSecond,
      boolean batched)
      throws SQLException {
    try {
      onCopy(connection);
      relaxDurability(connection);
      writes.batching(batched);
      apply(handlers, events);
      writes.flush();
      writes.batching(false);
      if (!records.advance(connection, model.name(), owner, from, to, head, eventsPerSecond)) {
        throw new LostClaimException("another server moved the rebuild on past " + from);
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      writes.discard();
      writes.batching(false);
      connection.rollback();
      throw e;
    }
  }

  /** The events after {@code from} up to {@code to}, read ahead or now. */
  private List<PositionedEvent> read(ReadAhead ahead, Connection connection, long from, long to)
      throws SQLException {
    try {
      return ahead.page(connection, from, to);
    } catch (UnreadableEventException unreadable) {
      throw new PoisonEventException(
          unreadable.position,
          unreadable.globalIndex,
          "The event at position "
              + unreadable.position
              + " could not be read: "
              + reason(unreadable.getCause()),
          unreadable);
    }
  }

  private List<PositionedEvent> read(Connection connection, long from, long to)
      throws SQLException {
    try {
      return history.read(connection, from, to);
    } catch (UnreadableEventException unreadable) {
      throw new PoisonEventException(
          unreadable.position,
          unreadable.globalIndex,
          "The event at position "
              + unreadable.position
              + " could not be read: "
              + reason(unreadable.getCause()),
          unreadable);
    }
  }

  private void apply(List<AnnotationEventHandlerAdapter> handlers, List<PositionedEvent> events) {
    for (PositionedEvent event : events) {
      if (event.message().getPayloadType() == UnknownSerializedType.class) {
        // Live, no handler would match it either; a rebuild must not pass over it silently.
        throw new PoisonEventException(
            event.position(),
            event.globalIndex(),
            "The event at position "
                + event.position()
                + " is of a type this server does not know ("
                + ((UnknownSerializedType) event.message().getPayload()).serializedType().getName()
                + "): an upcaster for it is missing",
            null);
      }
      for (AnnotationEventHandlerAdapter handler : handlers) {
        if (!handler.canHandle(event.message())) {
          continue;
        }
        try {
          handler.handle(event.message());
        } catch (Exception e) {
          throw new PoisonEventException(
              event.position(),
              event.globalIndex(),
              event.message().getPayloadType().getSimpleName()
                  + " at position "
                  + event.position()
                  + " (aggregate "
                  + event.message().getAggregateIdentifier()
                  + ", sequence "
                  + event.message().getSequenceNumber()
                  + ") could not be applied: "
                  + reason(e),
              e);
        }
      }
    }
  }

  /**
   * Tries the cut-over: true when the new copy has been swapped in, false when a lock could not be
   * had in time (everything rolled back; the caller catches up and tries again).
   */
  private boolean cutOver(
      Connection connection, List<AnnotationEventHandlerAdapter> handlers, long position)
      throws SQLException {
    long started = System.nanoTime();
    try (Statement sql = connection.createStatement()) {
      Long reached = records.lockOwned(connection, model.name(), owner).orElse(null);
      if (reached == null || reached != position) {
        throw new LostClaimException("the rebuild is no longer ours at the cut-over");
      }
      // One lock, taken once: an upgrade from a lock against writes to one against reads would
      // queue behind the writes waiting for the first, which PostgreSQL reports as a deadlock.
      lockLive(sql);
      long head = stream.head().position();
      onCopy(connection);
      for (long from = position; from < head; from += settings.batch()) {
        apply(handlers, read(connection, from, Math.min(head, from + settings.batch())));
      }
      copy.swap(connection);
      records.done(connection, model.name(), head);
      connection.commit();
      LOG.info(
          "Rebuild of {} done: the new copy, built up to position {}, serves (cut-over {} ms,"
              + " {} events applied in it; {} batches of writes sent, {} ranges applied again"
              + " without batching)",
          model.name(),
          head,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          head - position,
          writes.batchesSent(),
          redone);
      return true;
    } catch (SQLException e) {
      connection.rollback();
      if (GAVE_UP_WAITING.contains(e.getSQLState())) {
        LOG.info(
            "Rebuild of {}: the cut-over could not lock the live tables within {} ({}); trying"
                + " again",
            model.name(),
            settings.cutOverLockWait(),
            e.getSQLState());
        return false;
      }
      throw e;
    } catch (RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }

  /**
   * Locks the live tables against reads and writes, giving up after the cut-over's lock wait.
   * Requests that come meanwhile wait for the cut-over's commit (the last events and the swap, a
   * few milliseconds), then run on the new tables.
   */
  private void lockLive(Statement sql) throws SQLException {
    sql.execute("SET LOCAL search_path TO DEFAULT");
    sql.execute(
        "SET LOCAL statement_timeout = " + Math.max(1, settings.cutOverLockWait().toMillis()));
    StringBuilder tables = new StringBuilder();
    for (String table : model.tables()) {
      tables.append(tables.isEmpty() ? "" : ", ").append(table);
    }
    for (String counter : model.counters()) {
      tables.append(", ").append(counter);
    }
    sql.execute("LOCK TABLE " + tables + " IN ACCESS EXCLUSIVE MODE");
    sql.execute("SET LOCAL statement_timeout TO DEFAULT");
  }

  /**
   * Lets a batch's commit return before its WAL is on disk ({@code synchronous_commit = off} for
   * this transaction alone). Safe here: the batch's rows and the position it records are in one
   * transaction, and a crash of PostgreSQL can only lose the last transactions committed, whole and
   * in commit order, so what survives is a copy with exactly the events up to the position its
   * record states, from which the rebuild goes on (on this server, or another that takes it over),
   * applying nothing twice. Nobody reads the copy or waits for these commits: it serves only after
   * the cut-over, whose commit stays synchronous.
   */
  private static void relaxDurability(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.execute("SET LOCAL synchronous_commit = off");
    }
  }

  private void onCopy(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.execute("SET LOCAL search_path TO " + copy.searchPath());
    }
  }

  private void pause() {
    if (settings.pause().isZero()) {
      return;
    }
    try {
      TimeUnit.MILLISECONDS.sleep(settings.pause().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LostClaimException("interrupted");
    }
  }

  private void fail(long position, Long globalSequence, String message) {
    try {
      records.failed(model.name(), owner, position, globalSequence, message);
      try (Connection connection = dataSource.getConnection()) {
        copy.drop(connection);
      }
    } catch (SQLException e) {
      LOG.error("Recording the failed rebuild of {} failed", model.name(), e);
    }
  }

  /** The innermost message of a failure, for operators: no stack trace, no class names. */
  static String reason(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank()
        ? cause.getClass().getSimpleName()
        : message.strip();
  }

  /** Counts the events applied, and logs every few seconds. */
  private final class Progress {
    private final long startPosition;
    private final long startNanos = System.nanoTime();
    private long lastLog = startNanos;
    private long position;

    Progress(long position, boolean resumed) {
      this.startPosition = position;
      this.position = position;
      LOG.info(
          "Rebuild of {} {} at position {}",
          model.name(),
          resumed ? "taken over" : "started",
          position);
    }

    void reached(long to, long head) {
      position = to;
      long now = System.nanoTime();
      if (now - lastLog >= settings.progressLog().toNanos()) {
        lastLog = now;
        double rate = eventsPerSecond();
        LOG.info(
            "Rebuild of {}: position {} of {} ({}%), {} events/s, ETA {} s",
            model.name(),
            to,
            head,
            head == 0 ? 100 : String.format(Locale.ROOT, "%.1f", 100.0 * to / head),
            String.format(Locale.ROOT, "%.0f", rate),
            rate > 0 ? Math.round((head - to) / rate) : "unknown");
      }
    }

    double eventsPerSecond() {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      return seconds <= 0 ? 0 : (position - startPosition) / seconds;
    }
  }
}
