package io.quire.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads an audit log the way an auditor's client does: page after page, each from the previous
 * page's {@code next_after}, until a page comes back empty. A read that starts after a write has
 * answered shows that write (the read stamps every committed event first), so {@link #readShowing}
 * does not wait; only events of background work (an export job) are awaited ({@link
 * #awaitShowing}).
 */
final class AuditLog {

  private final HttpApi api;

  AuditLog(HttpApi api) {
    this.api = api;
  }

  /** Every event of the log at {@code path} after {@code after}, following {@code next_after}. */
  List<JsonNode> read(String token, String path, long after, String query) {
    List<JsonNode> events = new ArrayList<>();
    long next = after;
    while (true) {
      Response page = api.as(token).get(path + "?after=" + next + query);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      JsonNode body = page.json();
      long nextAfter = body.get("next_after").asLong();
      assertThat(nextAfter).as("next_after of %s", page).isGreaterThanOrEqualTo(next);
      body.get("results").forEach(events::add);
      if (body.get("results").isEmpty()) {
        return events;
      }
      next = nextAfter;
    }
  }

  /** The log at {@code path}, read once, after checking that {@code shows} holds for it. */
  List<JsonNode> readShowing(
      String token, String path, long after, String query, Predicate<List<JsonNode>> shows) {
    List<JsonNode> events = read(token, path, after, query);
    assertThat(shows.test(events))
        .as("the log read after the writes shows them: %s", events)
        .isTrue();
    return events;
  }

  /**
   * The log at {@code path} once {@code shows} holds for it, waiting (with Awaitility, up to ten
   * seconds) for work the server does in the background after a write has answered, such as an
   * export job's events.
   */
  List<JsonNode> awaitShowing(
      String token, String path, long after, String query, Predicate<List<JsonNode>> shows) {
    List<List<JsonNode>> last = new ArrayList<>(List.of(List.of()));
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last.set(0, read(token, path, after, query));
              return shows.test(last.get(0));
            });
    return last.get(0);
  }

  /** The {@code type} of each event. */
  static List<String> types(List<JsonNode> events) {
    return events.stream().map(e -> e.get("type").asText()).toList();
  }
}
