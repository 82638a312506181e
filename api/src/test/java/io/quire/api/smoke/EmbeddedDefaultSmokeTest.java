package io.quire.api.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.QuireApplication;
import io.quire.api.testing.AccountJourney;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.TestClockConfiguration;
import io.quire.api.testing.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The run command's default: no configuration but a data folder, so the server runs on its embedded
 * H2 database. Register, get a token, see yourself.
 */
@SpringBootTest(
    classes = QuireApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "quire.accounts.password-hash-iterations=1000",
      "quire.admin.username=" + EmbeddedDefaultSmokeTest.STAFF,
      "quire.admin.password=" + EmbeddedDefaultSmokeTest.STAFF_PASSWORD
    })
// The same fixed clock as the PostgreSQL context: Axon's event clock is one static per JVM.
@Import(TestClockConfiguration.class)
class EmbeddedDefaultSmokeTest {

  static final String STAFF = "h2-staff";
  static final String STAFF_PASSWORD = "a-long-staff-password";
  private static final Path DATA = temporaryFolder();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void dataFolder(DynamicPropertyRegistry registry) {
    registry.add("quire.data-dir", DATA::toString);
  }

  @Test
  void registerTokenAndMeWorkOnTheEmbeddedDatabase() {
    HttpApi api = new HttpApi(port);
    String username = Users.aNewUsername("h2");

    JsonNode me = AccountJourney.registerGetATokenAndAskWhoIAm(api, username);

    assertThat(me.get("username").asText()).isEqualTo(username);
    assertThat(api.get("/readyz/").status()).isEqualTo(200);
    assertThat(DATA.resolve("quire.mv.db")).exists();
  }

  @Test
  void orgsTasksArticlesAndTheirSearchesWorkOnTheEmbeddedDatabase() {
    HttpApi api = new HttpApi(port);
    String username = Users.aNewUsername("h2");
    AccountJourney.registerGetATokenAndAskWhoIAm(api, username);
    String token =
        api.post("/api/v1/auth/token/", Map.of("username", username, "password", "correct-horse"))
            .json()
            .get("token")
            .asText();
    var me = api.as(token);
    String slug = Orgs.aNewSlug("h2");

    assertThat(me.post("/api/v1/orgs/", Map.of("slug", slug, "name", "H2")).status())
        .isEqualTo(201);
    assertThat(
            me.post("/api/v1/orgs/" + slug + "/tasks/", Map.of("title", "Write 100% of it"))
                .status())
        .isEqualTo(201);
    assertThat(count(me.get("/api/v1/orgs/" + slug + "/tasks/?q=100%25&ordering=-due_date")))
        .isEqualTo(1);
    assertThat(count(me.get("/api/v1/orgs/" + slug + "/tasks/?q=1_0"))).isZero();

    HttpApi.Response draft =
        me.post(
            "/api/v1/articles/",
            Map.of("title", "Événements", "body", "About EVENTS", "tags", List.of("Événement")));
    String article = "/api/v1/articles/" + draft.json().get("id").asText() + "/";
    assertThat(me.post(article + "publish/", Map.of()).status()).isEqualTo(200);
    String byMe = "/api/v1/articles/?author=" + username.toUpperCase(Locale.ROOT);
    assertThat(count(api.get(byMe))).isEqualTo(1);
    assertThat(count(api.get(byMe + "&q=events"))).isEqualTo(1);
    assertThat(count(api.get(byMe + "&q=%C3%A9v%C3%A9nements"))).isEqualTo(1);
    assertThat(count(api.get(byMe + "&tag=EVENEMENT"))).isEqualTo(1);
    assertThat(count(api.get(byMe + "&q=nothing-like-it"))).isZero();
    assertThat(me.post(article + "comments/", Map.of("body", "Nice.")).status()).isEqualTo(201);
  }

  @Test
  void theExactStreamAndItsSealsWorkOnTheEmbeddedDatabase() {
    HttpApi api = new HttpApi(port);
    var staff = api.as(tokenOf(api, STAFF, STAFF_PASSWORD));
    long start = staff.get("/api/v1/admin/events/head/").json().get("position").asLong();
    String username = Users.aNewUsername("h2");
    AccountJourney.registerGetATokenAndAskWhoIAm(api, username);
    var me = api.as(tokenOf(api, username, "correct-horse"));
    String slug = Orgs.aNewSlug("h2");
    assertThat(me.post("/api/v1/orgs/", Map.of("slug", slug, "name", "H2")).status())
        .isEqualTo(201);

    JsonNode page = staff.get("/api/v1/admin/events/?after=" + start).json();
    JsonNode head = staff.get("/api/v1/admin/events/head/").json();
    JsonNode verified = staff.get("/api/v1/admin/events/verify/").json();
    JsonNode orgLog = me.get("/api/v1/orgs/" + slug + "/audit/").json();

    List<Long> positions =
        page.get("results").findValues("position").stream().map(JsonNode::asLong).toList();
    assertThat(positions).isNotEmpty();
    for (int i = 0; i < positions.size(); i++) {
      assertThat(positions.get(i)).isEqualTo(start + i + 1);
    }
    assertThat(head.get("position").asLong()).isEqualTo(start + positions.size());
    assertThat(head.get("hash").asText()).matches("[0-9a-f]{64}");
    assertThat(verified.get("first_broken").isNull()).as(verified.toString()).isTrue();
    assertThat(verified.get("head")).isEqualTo(head);
    assertThat(orgLog.get("results").findValuesAsText("type")).contains("org.created");
  }

  @Test
  void theEmbeddedDatabaseListsItsReadModelsAndSaysWhyItCannotRebuildThem() {
    HttpApi api = new HttpApi(port);
    var staff = api.as(tokenOf(api, STAFF, STAFF_PASSWORD));

    JsonNode listed = staff.get("/api/v1/admin/projections/").json();
    HttpApi.Response refused =
        staff.request("POST", "/api/v1/admin/projections/tasks/rebuild/").send();

    assertThat(listed.get("results").findValuesAsText("name"))
        .containsExactly("orgs", "tasks", "articles", "integrations", "users", "audit", "exports");
    assertThat(listed.get("results").findValuesAsText("status")).containsOnly("running");
    assertThat(listed.get("results").findValues("rebuildable")).allMatch(v -> !v.asBoolean());
    assertThat(
            staff
                .get("/api/v1/admin/projections/tasks/")
                .json()
                .get("not_rebuildable_reason")
                .asText())
        .contains("PostgreSQL");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().at("/error/message").asText()).contains("PostgreSQL");
  }

  private static String tokenOf(HttpApi api, String username, String password) {
    HttpApi.Response token =
        api.post("/api/v1/auth/token/", Map.of("username", username, "password", password));
    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    return token.json().get("token").asText();
  }

  private static int count(HttpApi.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("count").asInt();
  }

  private static Path temporaryFolder() {
    try {
      Path dir = Files.createTempDirectory("quire-h2-smoke-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
