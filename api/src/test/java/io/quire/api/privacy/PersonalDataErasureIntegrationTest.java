package io.quire.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.exports.ExportsApi;
import io.quire.api.testing.Articles;
import io.quire.api.testing.DatabaseScan;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.SecondServer;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code DELETE /api/v1/admin/users/{id}/personal-data/}: once a person is erased, what they wrote
 * reads {@code "[erased]"} in every answer of the API and is nowhere in the database, what others
 * wrote is untouched, the seals still verify, and the account can no longer sign in.
 */
@IntegrationTest
class PersonalDataErasureIntegrationTest {

  private static final String ERASED = "[erased]";

  @RegisterExtension static final SecondServer second = new SecondServer();

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired Articles articles;
  @Autowired JdbcTemplate jdbc;

  @Test
  void whatTheErasedPersonWroteReadsErasedEverywhereAndIsInNoTable() {
    Team team = orgs.aTeam();
    TestUser staff = users.aStaffUser();
    TestUser bob = team.bob();
    String bobsTitle = unique("bob-title");
    String bobsTask = orgs.aTask(team.org(), bob, null, bobsTitle);
    String bobsRetitledByBob = orgs.aTask(team.org(), bob, null, unique("bob-first"));
    String bobsNewer = unique("bob-newer");
    orgs.retitle(bobsRetitledByBob, bob, bobsNewer);
    String adasTitle = unique("ada-title");
    String adasTask = orgs.aTask(team.org(), bob, null, unique("bob-before-ada"));
    orgs.retitle(adasTask, team.ada(), adasTitle);
    String adasArticleTitle = unique("ada-article");
    String adasBody = unique("ada-body");
    String adasArticle =
        articles.aPublishedArticle(team.ada(), adasArticleTitle, adasBody, "privacy");
    String bobsArticle =
        articles.aPublishedArticle(bob, unique("bob-article"), unique("bob-body"), "privacy");
    String adasComment = unique("ada-comment");
    String comment = articles.aPendingComment(bobsArticle, team.ada(), adasComment);
    api.as(staff.token()).post("/api/v1/moderation/comments/" + comment + "/approve/", Map.of());
    List<String> adas =
        List.of(team.ada().username(), adasTitle, adasArticleTitle, adasBody, adasComment);
    DatabaseScan database = new DatabaseScan(jdbc);
    // the read models hold the text (the events hold it sealed): the scan sees it there
    assertThat(database.findAnywhere(adas)).hasSizeGreaterThanOrEqualTo(adas.size());

    Response erased =
        api.as(staff.token()).delete("/api/v1/admin/users/" + team.ada().id() + "/personal-data/");

    assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
    JsonNode task = api.as(bob.token()).get(team.org().path("tasks/" + adasTask + "/")).json();
    assertThat(task.get("title").asText()).isEqualTo(ERASED);
    assertThat(task.get("description").asText()).isEqualTo("Cover it all");
    assertThat(
            api.as(bob.token())
                .get(team.org().path("tasks/" + bobsTask + "/"))
                .json()
                .get("title")
                .asText())
        .isEqualTo(bobsTitle);
    assertThat(
            api.as(bob.token())
                .get(team.org().path("tasks/" + bobsRetitledByBob + "/"))
                .json()
                .get("title")
                .asText())
        .isEqualTo(bobsNewer);
    JsonNode article = api.get("/api/v1/articles/" + adasArticle + "/").json();
    assertThat(article.get("title").asText()).isEqualTo(ERASED);
    assertThat(article.get("body").asText()).isEqualTo(ERASED);
    assertThat(
            api.get("/api/v1/articles/" + bobsArticle + "/comments/")
                .json()
                .at("/results/0/body")
                .asText())
        .isEqualTo(ERASED);

    List<Response> answers =
        List.of(
            api.as(bob.token()).get(team.org().path("tasks/" + adasTask + "/history/")),
            api.as(bob.token())
                .get(
                    team.org()
                        .path("tasks/" + adasTask + "/?as_of=" + task.get("updated_at").asText())),
            api.as(bob.token()).get(team.org().path("tasks/?page_size=100")),
            api.as(bob.token()).get(team.org().path("members/")),
            api.as(staff.token())
                .get("/api/v1/admin/events/?org=" + team.org().slug() + "&limit=1000"),
            api.get("/api/v1/articles/?q=" + adasArticleTitle),
            api.get("/api/v1/articles/?tag=privacy&page_size=100"),
            api.as(staff.token())
                .request("GET", "/api/v1/admin/events/?org=" + team.org().slug())
                .header("Accept", "application/x-ndjson")
                .send());
    for (Response answer : answers) {
      assertThat(answer.text()).as(answer.toString()).doesNotContain(adas);
    }
    assertThat(answers.get(0).text()).contains(ERASED);
    assertThat(answers.get(3).text()).contains(ERASED);
    assertThat(database.findAnywhere(adas)).isEmpty();
    JsonNode verified = api.as(staff.token()).get("/api/v1/admin/events/verify/").json();
    assertThat(verified.get("first_broken").isNull()).as(verified.toString()).isTrue();
  }

  @Test
  void exportsAreMadeAgainWithTheErasedPersonsTextAndNameErasedAndNothingElseChanged() {
    Team team = orgs.aTeam();
    TestUser staff = users.aStaffUser();
    TestUser carol = team.carol();
    String carolsTitle = unique("carol-title");
    orgs.aTask(team.org(), carol, team.bob(), carolsTitle);
    String bobsTitle = unique("bob-title");
    String bobs = orgs.aTask(team.org(), team.bob(), carol, bobsTitle);
    ExportsApi exports = new ExportsApi(api);
    String csv = exports.request(team.org(), team.ada(), Map.of("format", "csv"));
    String json = exports.request(team.org(), team.ada(), Map.of("format", "json"));
    String csvBefore =
        exports.download(team.ada(), exports.awaitDone(team.org(), team.ada(), csv)).text();
    String jsonBefore =
        exports.download(team.ada(), exports.awaitDone(team.org(), team.ada(), json)).text();
    // a change after the requests is in neither export, before the erasure or after it
    orgs.retitle(bobs, team.bob(), unique("bob-later"));
    assertThat(csvBefore).contains(carolsTitle, carol.username(), bobsTitle);

    api.as(staff.token()).delete("/api/v1/admin/users/" + carol.id() + "/personal-data/");

    String csvAfter =
        exports.download(team.ada(), exports.awaitDone(team.org(), team.ada(), csv)).text();
    String jsonAfter =
        exports.download(team.ada(), exports.awaitDone(team.org(), team.ada(), json)).text();
    assertThat(csvAfter)
        .isEqualTo(csvBefore.replace(carolsTitle, ERASED).replace(carol.username(), ERASED));
    assertThat(jsonAfter)
        .isEqualTo(jsonBefore.replace(carolsTitle, ERASED).replace(carol.username(), ERASED));
    assertThat(new DatabaseScan(jdbc).findAnywhere(List.of(carolsTitle, carol.username())))
        .isEmpty();
  }

  @Test
  void anotherServerForgetsTheErasedPersonsKeyAndTokensWithinASecond() {
    Team team = orgs.aTeam();
    TestUser staff = users.aStaffUser();
    String title = unique("erin-title");
    String task = orgs.aTask(team.org(), team.erin(), null, title);
    HttpApi other = second.api();
    String history = team.org().path("tasks/" + task + "/history/");
    // the other server reads Erin's text, so it keeps her key; and it keeps her token
    assertThat(other.as(team.bob().token()).get(history).text()).contains(title);
    assertThat(other.as(team.erin().token()).get("/api/v1/auth/me/").status()).isEqualTo(200);

    api.as(staff.token()).delete("/api/v1/admin/users/" + team.erin().id() + "/personal-data/");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(other.as(team.bob().token()).get(history).text())
                  .doesNotContain(title)
                  .contains(ERASED);
              assertThat(other.as(team.erin().token()).get("/api/v1/auth/me/").status())
                  .isEqualTo(401);
            });
  }

  @Test
  void theErasedAccountCanNoLongerSignInAndItsTokensStopWorking() {
    TestUser ada = users.aRegisteredUser("ada");
    TestUser staff = users.aStaffUser();

    api.as(staff.token()).delete("/api/v1/admin/users/" + ada.id() + "/personal-data/");

    assertThat(api.as(ada.token()).get("/api/v1/auth/me/").status()).isEqualTo(401);
    Response signIn =
        api.post(
            "/api/v1/auth/token/", Map.of("username", ada.username(), "password", ada.password()));
    assertThat(signIn.status()).as(signIn.toString()).isEqualTo(401);
    assertThat(signIn.json().at("/error/code").asText()).isEqualTo("invalid_credentials");
  }

  @Test
  void theErasureIsRecordedOnceWithWhoAskedAndNothingPersonal() {
    TestUser ada = users.aRegisteredUser("ada");
    TestUser staff = users.aStaffUser();
    long head =
        api.as(staff.token()).get("/api/v1/admin/events/head/").json().get("position").asLong();

    Response first =
        api.as(staff.token()).delete("/api/v1/admin/users/" + ada.id() + "/personal-data/");
    Response again =
        api.as(staff.token()).delete("/api/v1/admin/users/" + ada.id() + "/personal-data/");

    assertThat(first.status()).isEqualTo(204);
    assertThat(again.status()).isEqualTo(204);
    JsonNode events =
        api.as(staff.token())
            .get(
                "/api/v1/admin/events/?after="
                    + head
                    + "&type=user.personal_data_erased&limit=1000")
            .json()
            .get("results");
    List<JsonNode> adas =
        events.findParents("aggregate_id").stream()
            .filter(event -> event.get("aggregate_id").asText().equals(ada.id()))
            .toList();
    assertThat(adas).hasSize(1);
    assertThat(adas.get(0).at("/actor/id").asText()).isEqualTo(staff.id());
    assertThat(adas.get(0).toString()).doesNotContain(ada.username());
  }

  @Test
  void onlyStaffMayEraseAndOnlySomeoneWhoExists() {
    TestUser ada = users.aRegisteredUser("ada");
    TestUser bob = users.aRegisteredUser("bob");
    TestUser staff = users.aStaffUser();

    Response byBob =
        api.as(bob.token()).delete("/api/v1/admin/users/" + ada.id() + "/personal-data/");
    Response nobody =
        api.as(staff.token())
            .delete("/api/v1/admin/users/" + UUID.randomUUID() + "/personal-data/");
    Response notAnId = api.as(staff.token()).delete("/api/v1/admin/users/ada/personal-data/");

    assertThat(byBob.status()).isEqualTo(403);
    assertThat(byBob.json().at("/error/code").asText()).isEqualTo("permission_denied");
    assertThat(nobody.status()).isEqualTo(404);
    assertThat(notAnId.status()).isEqualTo(404);
    assertThat(api.as(ada.token()).get("/api/v1/auth/me/").json().get("username").asText())
        .isEqualTo(ada.username());
  }

  private static String unique(String hint) {
    return "zq" + hint + "-" + UUID.randomUUID().toString().substring(0, 13);
  }
}
