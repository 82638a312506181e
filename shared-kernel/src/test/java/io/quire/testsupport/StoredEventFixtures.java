package io.quire.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Committed rows of {@code domain_event_entry}, exactly as Axon's JPA storage engine stored them
 * when their events had an older revision ({@code fixtures/events/revision-<n>/*.json} on the test
 * class path). They were recorded from a running server before the events changed, and are never
 * edited: tests insert them as they are and check that every reader still reads them.
 */
public final class StoredEventFixtures {

  /**
   * The org {@code revision-one}: its users, the org and its members, three tasks, one by an
   * integration.
   */
  public static final String REVISION_ONE_ORG = "fixtures/events/revision-1/revision-one-org.json";

  /**
   * The org {@code before-sealing}, stored before personal data in events was sealed (its text
   * plain): users ada-s0 and bob-s0, two tasks edited by both, an article drafted and revised by
   * ada-s0 and bob-s0's comment on it.
   */
  public static final String BEFORE_SEALING = "fixtures/events/before-sealing/before-sealing.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredEventFixtures() {}

  /** One stored row; {@code payload} and {@code metaData} are the stored bytes as UTF-8 text. */
  public record Row(
      long globalIndex,
      String eventIdentifier,
      String aggregateIdentifier,
      long sequenceNumber,
      String type,
      String payloadType,
      String payloadRevision,
      String payload,
      String metaData,
      String timeStamp) {

    public byte[] payloadBytes() {
      return payload.getBytes(StandardCharsets.UTF_8);
    }

    /** The metadata's bytes, or null where none was stored. */
    public byte[] metaDataBytes() {
      return metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8);
    }

    /** The simple name of the payload's class ({@code TaskCreatedEvent}). */
    public String payloadName() {
      return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
  }

  /** The rows of a fixture file, in the order they were stored. */
  public static List<Row> rows(String resource) {
    try (InputStream in =
        StoredEventFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource + " on the class path");
      }
      List<Row> rows = new ArrayList<>();
      for (JsonNode row : JSON.readTree(in).get("rows")) {
        rows.add(
            new Row(
                row.get("global_index").asLong(),
                row.get("event_identifier").asText(),
                row.get("aggregate_identifier").asText(),
                row.get("sequence_number").asLong(),
                row.get("type").asText(),
                row.get("payload_type").asText(),
                text(row, "payload_revision"),
                row.get("payload").asText(),
                text(row, "meta_data"),
                row.get("time_stamp").asText()));
      }
      return List.copyOf(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a fixture whose payload is of this class (by simple name). */
  public static List<Row> rowsOf(String resource, String payloadName) {
    return rows(resource).stream().filter(row -> row.payloadName().equals(payloadName)).toList();
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
