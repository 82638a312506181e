package io.quire.query.stream;

import java.sql.SQLException;

/** SQL states the stamper tells apart. */
final class SqlStates {

  private SqlStates() {}

  /**
   * Whether {@code failure} is a lock wait that timed out: PostgreSQL's {@code lock_not_available}
   * (55P03) or H2's lock timeout (HYT00).
   */
  static boolean isLockTimeout(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && ("55P03".equals(sql.getSQLState()) || "HYT00".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
