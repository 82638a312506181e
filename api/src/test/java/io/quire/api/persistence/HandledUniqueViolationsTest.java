package io.quire.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class HandledUniqueViolationsTest {

  private final LoggerContext context = new LoggerContext();
  private final HandledUniqueViolations filter = new HandledUniqueViolations();
  private final Logger hibernate = context.getLogger(HandledUniqueViolations.HIBERNATE_SQL_ERRORS);

  @Test
  void hibernatesTwoLinesAboutAUniqueKeyViolationAreDropped() {
    assertThat(decide(hibernate, Level.WARN, "SQL Error: 0, SQLState: 23505"))
        .isEqualTo(FilterReply.DENY);
    assertThat(
            decide(
                hibernate,
                Level.ERROR,
                "ERROR: duplicate key value violates unique constraint"
                    + " \"domain_event_entry_aggregate_identifier_sequence_number_key\"\n"
                    + "  Detail: Key (aggregate_identifier, sequence_number)=(a, 1) already"
                    + " exists."))
        .isEqualTo(FilterReply.DENY);
    assertThat(
            decide(
                hibernate,
                Level.ERROR,
                "Unique index or primary key violation: \"PUBLIC.UK_EVENT ON"
                    + " PUBLIC.DOMAIN_EVENT_ENTRY(AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER)\""))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void everyOtherSqlErrorIsStillLogged() {
    assertThat(decide(hibernate, Level.WARN, "SQL Error: 0, SQLState: 23503"))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(
            decide(
                hibernate,
                Level.ERROR,
                "ERROR: insert or update on table \"x\" violates foreign key constraint \"y\""))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(hibernate, Level.ERROR, "ERROR: relation \"x\" does not exist"))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void theSameWordsFromAnyOtherLoggerAreLeftAlone() {
    Logger other = context.getLogger("io.quire.somewhere");

    assertThat(decide(other, Level.WARN, "SQL Error: 0, SQLState: 23505"))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(other, Level.ERROR, "duplicate key value violates unique constraint"))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void aLevelCheckWithoutAMessageIsLeftAlone() {
    assertThat(decide(hibernate, Level.WARN, null)).isEqualTo(FilterReply.NEUTRAL);
  }

  private FilterReply decide(Logger logger, Level level, String message) {
    return filter.decide(null, logger, level, message, null, null);
  }
}
