package io.quire.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.projections.OwnQuire;
import io.quire.api.projections.Rebuilds;
import io.quire.api.testing.DatabaseScan;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * An erasure that commits while a rebuild of the tasks read model runs: the rebuild has already
 * copied the erased person's titles into its new copy (it read them before the key was destroyed),
 * and the copy it swaps in holds none of them, because it replays the erasure too. On PostgreSQL,
 * in a database of its own, with rebuilds slowed down so the erasure lands in the middle of one.
 */
@ResourceLock(OwnQuire.SERVERS)
class ErasureDuringRebuildPostgresIntegrationTest {

  @Test
  void aRebuildRunningDuringAnErasureSwapsInACopyWithoutTheErasedText() {
    try (OwnQuire quire =
        OwnQuire.start(
            "erasurerebuild",
            "--quire.projections.rebuild.batch=20",
            "--quire.projections.rebuild.pause=300ms",
            "--quire.projections.rebuild.cut-over-within=5")) {
      HttpApi api = quire.api();
      String staff = quire.staffToken();
      Person ada = Person.register(api, "ada");
      Person bob = Person.register(api, "bob");
      String slug = "r-" + UUID.randomUUID().toString().substring(0, 8);
      ok(api.as(ada.token()).post("/api/v1/orgs/", Map.of("slug", slug, "name", "R")));
      ok(
          api.as(ada.token())
              .post(
                  "/api/v1/orgs/" + slug + "/members/",
                  Map.of("username", bob.username(), "role", "member")));
      List<String> adas = new ArrayList<>(List.of(ada.username()));
      for (int i = 0; i < 5; i++) {
        String title = "zqada" + i + UUID.randomUUID().toString().substring(0, 8);
        adas.add(title);
        ok(api.as(ada.token()).post("/api/v1/orgs/" + slug + "/tasks/", Map.of("title", title)));
      }
      for (int i = 0; i < 200; i++) {
        ok(
            api.as(bob.token())
                .post("/api/v1/orgs/" + slug + "/tasks/", Map.of("title", "Bob's " + i)));
      }
      Rebuilds rebuilds = new Rebuilds(api, staff);
      rebuilds.start("tasks");
      JsonNode replaying =
          await("the rebuild past Ada's tasks")
              .atMost(Duration.ofMinutes(1))
              .pollInterval(Duration.ofMillis(20))
              .until(
                  () -> rebuilds.status("tasks"),
                  state ->
                      state.get("status").asText().equals("replaying")
                          && state.get("position").asLong() > 40);

      Response erased = api.as(staff).delete("/api/v1/admin/users/" + ada.id() + "/personal-data/");

      assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
      assertThat(rebuilds.status("tasks").get("status").asText())
          .as("the erasure came in the middle of the rebuild")
          .isEqualTo("replaying");
      JsonNode done = rebuilds.awaitFinished("tasks");
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("running");
      assertThat(replaying.get("position").asLong()).isLessThan(done.get("position").asLong());
      assertThat(new DatabaseScan(quire.sql()).findAnywhere(adas)).isEmpty();
      JsonNode list =
          api.as(bob.token())
              .get("/api/v1/orgs/" + slug + "/tasks/?ordering=created_at&page_size=5")
              .json();
      assertThat(list.get("results").findValuesAsText("title")).containsOnly("[erased]");
    }
  }

  private static void ok(Response response) {
    assertThat(response.status()).as(response.toString()).isBetween(200, 299);
  }
}
