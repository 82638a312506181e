package io.quire.query.sql;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The rows of one read model table that hold one aggregate each, with a {@code version} column: the
 * number of the aggregate's events applied so far, which is also the next event's Axon sequence
 * number. Every change is guarded by it, so each event is applied exactly once and in order:
 *
 * <ul>
 *   <li>event {@code n} applies to a row at version {@code n} and leaves it at {@code n + 1};
 *   <li>a row already past {@code n} means this event was applied before (a replay or a second
 *       delivery): nothing changes;
 *   <li>a missing row, or one still before {@code n}, means events were lost: that is a bug, and
 *       the handler throws, so the command that published the event rolls back (subscribing
 *       processors run in its transaction).
 * </ul>
 *
 * <p>Table and column names and the assignments are constants of the projections, never user text.
 */
public final class VersionedRows {

  private final NamedParameterJdbcTemplate jdbc;
  private final String table;
  private final String idColumn;

  public VersionedRows(NamedParameterJdbcTemplate jdbc, String table, String idColumn) {
    this.jdbc = jdbc;
    this.table = table;
    this.idColumn = idColumn;
  }

  /** The row's version, or empty if there is no row. */
  public Optional<Long> version(UUID id) {
    List<Long> versions =
        jdbc.queryForList(
            "SELECT version FROM " + table + " WHERE " + idColumn + " = :rowId",
            new MapSqlParameterSource("rowId", id),
            Long.class);
    return SqlValues.atMostOne(versions);
  }

  /**
   * Whether the aggregate's first event still has to be inserted: false if its row exists already
   * (the event was applied before).
   */
  public boolean isNew(UUID id) {
    return version(id).isEmpty();
  }

  /**
   * Applies event {@code sequence}: sets {@code assignments} (SQL such as {@code "title = :title"},
   * or empty for none) and {@code version = sequence + 1} on the aggregate's row.
   *
   * @return true if the event was applied now, false if it had been applied before
   * @throws IllegalStateException if the row is missing or events before this one are missing
   */
  public boolean update(UUID id, long sequence, String assignments, MapSqlParameterSource values) {
    String set = assignments.isBlank() ? "" : assignments + ", ";
    MapSqlParameterSource params =
        copy(values)
            .addValue("rowId", id)
            .addValue("rowSequence", sequence)
            .addValue("rowVersion", sequence + 1);
    int updated =
        jdbc.update(
            "UPDATE "
                + table
                + " SET "
                + set
                + "version = :rowVersion WHERE "
                + idColumn
                + " = :rowId AND version = :rowSequence",
            params);
    return updated == 1 || appliedBefore(id, sequence, true);
  }

  /**
   * Applies event {@code sequence} by deleting the aggregate's row. A row that is gone already was
   * deleted by this event before.
   *
   * @throws IllegalStateException if events before this one are missing
   */
  public void delete(UUID id, long sequence) {
    int deleted =
        jdbc.update(
            "DELETE FROM " + table + " WHERE " + idColumn + " = :rowId AND version = :rowSequence",
            new MapSqlParameterSource("rowId", id).addValue("rowSequence", sequence));
    if (deleted == 0) {
      appliedBefore(id, sequence, false);
    }
  }

  /** Explains why event {@code sequence} did not apply: false if applied before, else throws. */
  private boolean appliedBefore(UUID id, long sequence, boolean rowRequired) {
    Optional<Long> version = version(id);
    if (version.isEmpty()) {
      if (rowRequired) {
        throw new IllegalStateException(
            table + " has no row " + id + " for its event " + sequence + ": events are missing");
      }
      return false;
    }
    if (version.get() > sequence) {
      return false;
    }
    throw new IllegalStateException(
        table
            + " row "
            + id
            + " is at version "
            + version.get()
            + " but got event "
            + sequence
            + ": events are missing");
  }

  private static MapSqlParameterSource copy(MapSqlParameterSource values) {
    MapSqlParameterSource copy = new MapSqlParameterSource();
    for (String name : values.getParameterNames()) {
      copy.addValue(name, values.getValue(name), values.getSqlType(name));
    }
    return copy;
  }
}
