package io.quire.query.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Conversions between Java values and the read models' columns, the same on PostgreSQL and H2:
 * instants are {@code timestamp with time zone} (bound and read as UTC {@link OffsetDateTime}s),
 * ids are {@code uuid}. Nullable parameters are bound with an explicit SQL type, so the JDBC layer
 * never asks the database for parameter metadata (an extra round trip on PostgreSQL).
 */
public final class SqlValues {

  private SqlValues() {}

  /** An instant as a {@code timestamp with time zone} parameter. */
  public static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** A {@code timestamp with time zone} column as an instant, or null. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** A {@code uuid} column, or null. */
  public static UUID uuid(ResultSet row, String column) throws SQLException {
    return row.getObject(column, UUID.class);
  }

  /** A {@code date} column, or null. */
  public static LocalDate date(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDate.class);
  }

  /** Adds a {@code uuid} parameter that may be null. */
  public static MapSqlParameterSource addUuid(
      MapSqlParameterSource params, String name, UUID value) {
    return value == null ? params.addValue(name, null, Types.NULL) : params.addValue(name, value);
  }

  /** Adds a {@code date} parameter that may be null. */
  public static MapSqlParameterSource addDate(
      MapSqlParameterSource params, String name, LocalDate value) {
    return value == null ? params.addValue(name, null, Types.DATE) : params.addValue(name, value);
  }

  /** Adds a text parameter that may be null. */
  public static MapSqlParameterSource addText(
      MapSqlParameterSource params, String name, String value) {
    return params.addValue(name, value, Types.VARCHAR);
  }

  /** The only row of a result that has at most one (a lookup by key). */
  public static <T> Optional<T> atMostOne(List<T> rows) {
    if (rows.size() > 1) {
      throw new IllegalStateException("expected at most one row, got " + rows.size());
    }
    return rows.stream().findFirst();
  }
}
