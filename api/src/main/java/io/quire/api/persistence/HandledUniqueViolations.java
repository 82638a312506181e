package io.quire.api.persistence;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps Hibernate from logging unique-key violations that Quire handles. Hibernate's {@code
 * SqlExceptionHelper} logs every failed statement, as a WARN ("SQL Error: 0, SQLState: 23505") and
 * an ERROR (the database's message), before the exception is thrown. In Quire the only statements
 * Hibernate runs are the event store's appends, and a unique-key violation there is a lost race for
 * a sequence number or a receipt (two commands on one aggregate, two deliveries of one webhook at
 * the same moment): Axon turns it into a {@code ConcurrencyException} or {@code
 * AggregateStreamCreationException}, and the command is sent again and succeeds, or is answered as
 * a duplicate. Those ERRORs were noise in every busy log. A violation that is not handled still
 * reaches the error envelope as a 500, which logs it with its error id and stack trace; every other
 * SQL error is logged by Hibernate as before.
 *
 * <p>Matches the two lines by their text: the SQLState {@code 23505} of the WARN, and the ERROR's
 * message as PostgreSQL (in English) and H2 word it. On a database with messages in another
 * language the ERROR is simply logged, as before.
 */
public final class HandledUniqueViolations extends TurboFilter {

  static final String HIBERNATE_SQL_ERRORS = "org.hibernate.engine.jdbc.spi.SqlExceptionHelper";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || format == null || !HIBERNATE_SQL_ERRORS.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    return isUniqueViolation(format) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  static boolean isUniqueViolation(String message) {
    return message.contains("SQLState: 23505")
        || message.contains("duplicate key value violates unique constraint")
        || message.contains("Unique index or primary key violation");
  }

  /** Adds the filter to Logback's context, once, however often it is asked. */
  public static void install() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    synchronized (HandledUniqueViolations.class) {
      boolean present =
          context.getTurboFilterList().stream()
              .anyMatch(filter -> filter instanceof HandledUniqueViolations);
      if (!present) {
        HandledUniqueViolations filter = new HandledUniqueViolations();
        filter.setName("handled-unique-violations");
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
      }
    }
  }
}
