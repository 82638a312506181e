package io.quire.api.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.AccountJourney;
import io.quire.api.testing.ChildServer;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing that answered is lost on the embedded default, even when the process dies at once: the
 * server runs in a process of its own, answers a registration and a token, and is killed (SIGKILL:
 * no shutdown, nothing flushed on the way out) as soon as the answers arrive. After a restart on
 * the same data folder, the token still works. H2's own default keeps commits in memory for up to
 * half a second (its {@code WRITE_DELAY}), which lost such writes; the data source URL turns that
 * off.
 */
class EmbeddedDefaultCrashSmokeTest {

  @Test
  @Timeout(300)
  void writesThatAnsweredSurviveTheServerBeingKilledAtOnce() throws Exception {
    Path data = Files.createTempDirectory("quire-crash-");
    String token;
    try (ChildServer first = onTheEmbeddedDefault(data)) {
      JsonNode me =
          AccountJourney.registerGetATokenAndAskWhoIAm(first.api(), Users.aNewUsername("crash"));
      token = lastToken(first, me);
      first.kill();
    }
    try (ChildServer second = onTheEmbeddedDefault(data)) {
      Response me = second.api().request("GET", "/api/v1/auth/me/").token(token).send();

      assertThat(me.status()).as(me.toString()).isEqualTo(200);
    }
  }

  @Test
  @Timeout(300)
  void aServerStoppedWhileExportsRunShutsDownCleanlyAndFinishesThemAfterARestart()
      throws Exception {
    Path data = Files.createTempDirectory("quire-stop-");
    String token;
    String slug = Orgs.aNewSlug("stop");
    List<String> exports = new ArrayList<>();
    try (ChildServer first = onTheEmbeddedDefault(data)) {
      JsonNode me =
          AccountJourney.registerGetATokenAndAskWhoIAm(first.api(), Users.aNewUsername("stop"));
      token = lastToken(first, me);
      var admin = first.api().as(token);
      assertThat(admin.post("/api/v1/orgs/", Map.of("slug", slug, "name", "Stop")).status())
          .isEqualTo(201);
      for (int i = 0; i < 20; i++) {
        admin.post("/api/v1/orgs/" + slug + "/tasks/", Map.of("title", "Task " + i));
      }
      for (int i = 0; i < 10; i++) {
        Response requested =
            admin.post(
                "/api/v1/orgs/" + slug + "/exports/",
                Map.of("format", i % 2 == 0 ? "csv" : "json"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        exports.add(requested.json().get("id").asText());
      }
      first.stop();

      assertThat(first.log())
          .doesNotContain(" ERROR ", "already closed", "No handler was subscribed");
    }
    try (ChildServer second = onTheEmbeddedDefault(data)) {
      var admin = second.api().as(token);
      for (String export : exports) {
        await("export " + export)
            .atMost(Duration.ofMinutes(1))
            .until(
                () ->
                    admin
                        .get("/api/v1/orgs/" + slug + "/exports/" + export + "/")
                        .json()
                        .get("status")
                        .asText(),
                "done"::equals);
      }
    }
  }

  /** A Quire server in a JVM of its own, on the embedded default in {@code data}. */
  private static ChildServer onTheEmbeddedDefault(Path data) throws IOException {
    return ChildServer.start(
        List.of("--quire.data-dir=" + data, "--quire.accounts.password-hash-iterations=1000"));
  }

  /** A fresh token of the account {@code me} describes, as a client would sign in again. */
  private static String lastToken(ChildServer server, JsonNode me) {
    Response token =
        server
            .api()
            .post(
                "/api/v1/auth/token/",
                Map.of("username", me.get("username").asText(), "password", "correct-horse"));
    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    return token.json().get("token").asText();
  }
}
