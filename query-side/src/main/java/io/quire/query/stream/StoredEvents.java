package io.quire.query.stream;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a {@link StoredEvent} from a row with {@code domain_event_entry}'s column names: the seals
 * hash it as it is, and {@code io.quire.query.events.StoredEventReader} reads it as the event it is
 * now (upcast to its current revision).
 */
public final class StoredEvents {

  /** The columns {@link #read} takes, from {@code domain_event_entry} as {@code e}. */
  public static final String COLUMNS =
      "e.global_index, e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number,"
          + " e.payload_type, e.payload_revision, e.payload, e.meta_data, e.time_stamp";

  private StoredEvents() {}

  /** The stored event in the current row of {@code row}, selected with {@link #COLUMNS}. */
  public static StoredEvent read(ResultSet row) throws SQLException {
    return new StoredEvent(
        row.getLong("global_index"),
        row.getString("event_identifier"),
        row.getString("type"),
        row.getString("aggregate_identifier"),
        row.getLong("sequence_number"),
        row.getString("payload_type"),
        row.getString("payload_revision"),
        row.getBytes("payload"),
        row.getBytes("meta_data"),
        row.getString("time_stamp"));
  }
}
