package io.quire.api.testing;

import io.quire.testsupport.StoredEventFixtures.Row;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts committed fixture rows ({@code StoredEventFixtures}) into {@code domain_event_entry}
 * exactly as they were stored (payload, revision, metadata, identifiers, timestamp), each at a new
 * global index from Axon's sequence, in the fixture's order: events stored by an older version of
 * the server. Nothing else is written: no read model, no audit index (apply the events to the
 * projections for those).
 */
public final class StoredEventRows {

  private StoredEventRows() {}

  /**
   * Inserts the rows; answers the global index each got, in order. Other writers take indexes from
   * the same sequence meanwhile, so these need not be consecutive: select the rows by these
   * indexes.
   */
  public static List<Long> insertAsStored(JdbcTemplate jdbc, List<Row> rows) {
    List<Long> indexes = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Long index = jdbc.queryForObject("SELECT nextval('domain_event_entry_seq')", Long.class);
      jdbc.update(
          """
          INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number,
                                          type, event_identifier, payload, payload_type,
                                          payload_revision, meta_data, time_stamp)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
          index,
          row.aggregateIdentifier(),
          row.sequenceNumber(),
          row.type(),
          row.eventIdentifier(),
          row.payloadBytes(),
          row.payloadType(),
          row.payloadRevision(),
          row.metaDataBytes(),
          row.timeStamp());
      indexes.add(index);
    }
    return List.copyOf(indexes);
  }
}
