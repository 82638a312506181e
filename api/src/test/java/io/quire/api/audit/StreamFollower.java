package io.quire.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An auditor's client following the whole event stream through one server: page after page from the
 * last {@code next_after}, or as NDJSON from the last line's position, remembering every event it
 * was shown, in order. Not thread-safe: one thread follows.
 */
final class StreamFollower {

  static final String EVENTS = "/api/v1/admin/events/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpApi server;
  private final String token;
  private final int limit;
  private final long start;
  private long after;
  private final List<JsonNode> seen = new ArrayList<>();

  StreamFollower(HttpApi server, String token, long after, int limit) {
    this.server = server;
    this.token = token;
    this.start = after;
    this.after = after;
    this.limit = limit;
  }

  /** Reads pages from where it stands until one comes back empty (caught up). */
  StreamFollower readOn() {
    while (true) {
      Response page = server.as(token).get(EVENTS + "?after=" + after + "&limit=" + limit);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      JsonNode body = page.json();
      long nextAfter = body.get("next_after").asLong();
      assertThat(nextAfter).as("next_after of %s", page).isGreaterThanOrEqualTo(after);
      body.get("results").forEach(seen::add);
      after = nextAfter;
      if (body.get("results").isEmpty()) {
        return this;
      }
    }
  }

  /** Streams NDJSON from where it stands until the stream ends (caught up). */
  StreamFollower streamOn() {
    Response stream =
        server
            .as(token)
            .request("GET", EVENTS + "?after=" + after)
            .header("Accept", "application/x-ndjson")
            .send();
    assertThat(stream.status()).as(stream.toString()).isEqualTo(200);
    for (String line : stream.text().split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode event = JSON.readTree(line);
        seen.add(event);
        after = event.get("position").asLong();
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  List<JsonNode> seen() {
    return seen;
  }

  /** The global sequence of each event seen, in the order seen. */
  List<Long> globalSequences() {
    return seen.stream().map(e -> e.get("global_sequence").asLong()).toList();
  }

  /**
   * Checks what an exact stream promises this follower: it was shown positions {@code start + 1},
   * {@code start + 2}, ... each once and in order, none skipped, and no event twice.
   */
  void sawEveryPositionOnceInOrder() {
    List<Long> positions = seen.stream().map(e -> e.get("position").asLong()).toList();
    for (int i = 0; i < positions.size(); i++) {
      assertThat(positions.get(i)).as("position number %d seen", i).isEqualTo(start + i + 1);
    }
    assertThat(globalSequences()).doesNotHaveDuplicates();
  }

  /** How many events of the aggregate it has seen. */
  long timesSeen(String aggregateId) {
    return seen.stream().filter(e -> e.get("aggregate_id").asText().equals(aggregateId)).count();
  }
}
