package io.quire.query.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code projection_rebuild} rows (V19), read and changed with the database's clock: one clock
 * for every server, so a claim means the same to all of them. Changes by an owner name the owner in
 * their {@code WHERE}: a server whose claim was taken over changes nothing any more.
 */
final class RebuildRecords {

  private static final String COLUMNS =
      "name, status, owner, lease_until > CURRENT_TIMESTAMP AS lease_live, started_at,"
          + " finished_at, position, target, events_per_second, resumed, error_position,"
          + " error_global_sequence, error_message";

  private final DataSource dataSource;
  private final Duration lease;

  RebuildRecords(DataSource dataSource, Duration lease) {
    this.dataSource = dataSource;
    this.lease = lease;
  }

  List<RebuildRecord> all() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT " + COLUMNS + " FROM projection_rebuild")) {
      return read(select);
    }
  }

  Optional<RebuildRecord> find(Connection connection, String name) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM projection_rebuild WHERE name = ?")) {
      select.setString(1, name);
      return read(select).stream().findFirst();
    }
  }

  /**
   * Claims a fresh rebuild of {@code name} for {@code owner}, unless one is running (replaying,
   * with a live claim): the new row, or empty when one runs. One statement, so two servers asked at
   * once cannot both win.
   */
  Optional<RebuildRecord> claimFresh(String name, String owner, long target) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement claim =
            connection.prepareStatement(
                "INSERT INTO projection_rebuild AS r (name, status, owner, lease_until,"
                    + " started_at, position, target)"
                    + " VALUES (?, 'replaying', ?, now() + make_interval(secs => ?), now(), 0, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET status = 'replaying',"
                    + " owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until,"
                    + " started_at = EXCLUDED.started_at, finished_at = NULL, position = 0,"
                    + " target = EXCLUDED.target, events_per_second = 0, resumed = 0,"
                    + " error_position = NULL, error_global_sequence = NULL, error_message = NULL"
                    + " WHERE r.status <> 'replaying' OR r.lease_until <= CURRENT_TIMESTAMP"
                    + " RETURNING name")) {
      claim.setString(1, name);
      claim.setString(2, owner);
      claim.setDouble(3, seconds(lease));
      claim.setLong(4, target);
      try (ResultSet row = claim.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
      }
      return find(connection, name);
    }
  }

  /**
   * Takes over the rebuilds whose owner stopped renewing its claim: the names taken, each once by
   * one server.
   */
  List<String> takeOverStopped(String owner) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement take =
            connection.prepareStatement(
                "UPDATE projection_rebuild SET owner = ?,"
                    + " lease_until = now() + make_interval(secs => ?), resumed = resumed + 1"
                    + " WHERE status = 'replaying' AND lease_until <= CURRENT_TIMESTAMP"
                    + " RETURNING name")) {
      take.setString(1, owner);
      take.setDouble(2, seconds(lease));
      List<String> names = new ArrayList<>();
      try (ResultSet rows = take.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      return names;
    }
  }

  /** Renews the claims of every rebuild {@code owner} runs. */
  void renew(String owner) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement renew =
            connection.prepareStatement(
                "UPDATE projection_rebuild SET lease_until = now() + make_interval(secs => ?)"
                    + " WHERE owner = ? AND status = 'replaying'")) {
      renew.setDouble(1, seconds(lease));
      renew.setString(2, owner);
      renew.executeUpdate();
    }
  }

  /** Ends the claims of {@code owner} at once (a server that stops), so others take over. */
  void release(String owner) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement release =
            connection.prepareStatement(
                "UPDATE projection_rebuild SET lease_until = now()"
                    + " WHERE owner = ? AND status = 'replaying'")) {
      release.setString(1, owner);
      release.executeUpdate();
    }
  }

  /**
   * Records the position a batch reached, in the batch's transaction: false when {@code owner} no
   * longer owns the rebuild or another server moved it on (the batch must then roll back).
   */
  boolean advance(
      Connection connection,
      String name,
      String owner,
      long from,
      long to,
      long target,
      double eventsPerSecond)
      throws SQLException {
    try (PreparedStatement advance =
        connection.prepareStatement(
            "UPDATE projection_rebuild SET position = ?, target = ?, events_per_second = ?"
                + " WHERE name = ? AND owner = ? AND status = 'replaying' AND position = ?")) {
      advance.setLong(1, to);
      advance.setLong(2, target);
      advance.setDouble(3, eventsPerSecond);
      advance.setString(4, name);
      advance.setString(5, owner);
      advance.setLong(6, from);
      return advance.executeUpdate() == 1;
    }
  }

  /**
   * Sets a rebuild at {@code from} back to the first event (its copy was lost): false when {@code
   * owner} no longer owns it or another server moved it on.
   */
  boolean restart(Connection connection, String name, String owner, long from) throws SQLException {
    try (PreparedStatement restart =
        connection.prepareStatement(
            "UPDATE projection_rebuild SET position = 0"
                + " WHERE name = ? AND owner = ? AND status = 'replaying' AND position = ?")) {
      restart.setString(1, name);
      restart.setString(2, owner);
      restart.setLong(3, from);
      return restart.executeUpdate() == 1;
    }
  }

  /** Locks the row for the cut-over: the position reached, if {@code owner} still owns it. */
  Optional<Long> lockOwned(Connection connection, String name, String owner) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT position FROM projection_rebuild"
                + " WHERE name = ? AND owner = ? AND status = 'replaying' FOR UPDATE")) {
      lock.setString(1, name);
      lock.setString(2, owner);
      try (ResultSet row = lock.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Marks the rebuild done at {@code position}, in the cut-over's transaction. */
  void done(Connection connection, String name, long position) throws SQLException {
    try (PreparedStatement done =
        connection.prepareStatement(
            "UPDATE projection_rebuild SET status = 'done', position = ?, target = ?,"
                + " finished_at = now() WHERE name = ?")) {
      done.setLong(1, position);
      done.setLong(2, position);
      done.setString(3, name);
      done.executeUpdate();
    }
  }

  /** Marks the rebuild failed, if {@code owner} still owns it. */
  void failed(String name, String owner, long position, Long globalSequence, String message)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement failed =
            connection.prepareStatement(
                "UPDATE projection_rebuild SET status = 'error', finished_at = now(),"
                    + " error_position = ?, error_global_sequence = ?, error_message = ?"
                    + " WHERE name = ? AND owner = ? AND status = 'replaying'")) {
      failed.setLong(1, position);
      if (globalSequence == null) {
        failed.setNull(2, java.sql.Types.BIGINT);
      } else {
        failed.setLong(2, globalSequence);
      }
      failed.setString(3, message);
      failed.setString(4, name);
      failed.setString(5, owner);
      failed.executeUpdate();
    }
  }

  private static List<RebuildRecord> read(PreparedStatement select) throws SQLException {
    List<RebuildRecord> records = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        records.add(
            new RebuildRecord(
                row.getString("name"),
                row.getString("status"),
                row.getString("owner"),
                row.getBoolean("lease_live"),
                instant(row.getTimestamp("started_at")).orElseThrow(),
                instant(row.getTimestamp("finished_at")),
                row.getLong("position"),
                row.getLong("target"),
                row.getDouble("events_per_second"),
                row.getInt("resumed"),
                optionalLong(row, "error_position"),
                optionalLong(row, "error_global_sequence"),
                Optional.ofNullable(row.getString("error_message"))));
      }
    }
    return records;
  }

  private static Optional<Instant> instant(Timestamp timestamp) {
    return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
  }

  private static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(value);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
