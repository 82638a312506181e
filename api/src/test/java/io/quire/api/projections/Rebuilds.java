package io.quire.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import java.time.Duration;

/** A staff member's view of the projections admin API on one server. */
public final class Rebuilds {

  private final HttpApi api;
  private final String staffToken;

  public Rebuilds(HttpApi api, String staffToken) {
    this.api = api;
    this.staffToken = staffToken;
  }

  /** Asks for a rebuild of {@code name}: the answer. */
  public Response start(String name) {
    return api.as(staffToken).request("POST", path(name) + "rebuild/").send();
  }

  /** Asks for a rebuild of {@code name}, which must be accepted. */
  JsonNode started(String name) {
    Response started = start(name);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    return started.json();
  }

  /** The read model's state. */
  public JsonNode status(String name) {
    Response status = api.as(staffToken).get(path(name));
    assertThat(status.status()).as(status.toString()).isEqualTo(200);
    return status.json();
  }

  /** Waits until the rebuild of {@code name} has been swapped in (or has failed): its state. */
  public JsonNode awaitFinished(String name) {
    return await("the rebuild of " + name)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> status(name),
            state ->
                !state.get("status").asText().equals("replaying")
                    && !state.get("status").asText().equals("stopped"));
  }

  /** Rebuilds {@code name} and waits until the new copy serves. */
  public JsonNode rebuild(String name) {
    started(name);
    JsonNode done = awaitFinished(name);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("running");
    return done;
  }

  private static String path(String name) {
    return "/api/v1/admin/projections/" + name + "/";
  }
}
