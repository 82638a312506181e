package io.quire.api.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Orgs.TestOrg;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class OrgsIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Orgs orgs;

  @Test
  void theCreatorOfAnOrgIsItsAdminAndOnlyMember() {
    TestUser alice = users.aRegisteredUser("alice");
    String slug = Orgs.aNewSlug("team");

    Response created = api.as(alice.token()).post("/api/v1/orgs/", orgBody(slug, "The Team"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("slug").asText()).isEqualTo(slug);
    assertThat(created.json().get("name").asText()).isEqualTo("The Team");
    assertThat(created.json().get("member_count").asInt()).isEqualTo(1);
    assertThat(created.json().get("role").asText()).isEqualTo("admin");
    assertThat(created.json().get("created_at").asText()).matches("\\d{4}-.*Z");
    assertThat(created.header("Location")).isEqualTo("/api/v1/orgs/" + slug + "/");
    assertThat(created.header("ETag")).isEqualTo("W/\"" + created.json().get("version") + "\"");

    Response detail = api.as(alice.token()).get("/api/v1/orgs/" + slug + "/");
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.json()).isEqualTo(created.json());
  }

  @Test
  void aTakenSlugIsAConflictAndChangesNothing() {
    TestUser alice = users.aRegisteredUser("alice");
    TestUser bob = users.aRegisteredUser("bob");
    TestOrg org = orgs.anOrgAdministeredBy(alice);

    Response taken = api.as(bob.token()).post("/api/v1/orgs/", orgBody(org.slug(), "Mine"));

    assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
    assertThat(taken.json().at("/error/code").asText()).isEqualTo("conflict");
    assertThat(api.as(bob.token()).get("/api/v1/orgs/").json().get("count").asInt()).isZero();
    assertThat(api.as(alice.token()).get(org.path("")).json().get("name").asText())
        .isEqualTo("Org " + org.slug());
  }

  @Test
  void aSlugMustBeThreeToFiftyLowerCaseLettersDigitsAndSingleHyphens() {
    TestUser alice = users.aRegisteredUser("alice");
    for (String bad :
        new String[] {
          "ab", "a".repeat(51), "Acme", "acme--team", "-acme", "acme-", "ac me", "é-t"
        }) {
      Response r = api.as(alice.token()).post("/api/v1/orgs/", orgBody(bad, "X"));
      assertThat(r.status()).as(bad + ": " + r).isEqualTo(400);
      assertThat(r.json().at("/error/details/slug").isArray()).as(r.toString()).isTrue();
    }
    Response noName =
        api.as(alice.token()).post("/api/v1/orgs/", Map.of("slug", Orgs.aNewSlug("x")));
    assertThat(noName.json().at("/error/details/name/0").asText())
        .isEqualTo("This field is required.");
    assertThat(api.as(alice.token()).get("/api/v1/orgs/").json().get("count").asInt()).isZero();
  }

  @Test
  void creatingOrListingOrgsNeedsAToken() {
    Response create = api.post("/api/v1/orgs/", orgBody(Orgs.aNewSlug("x"), "X"));
    Response list = api.get("/api/v1/orgs/");
    Response badToken = api.request("GET", "/api/v1/orgs/").token("not-a-token").send();

    for (Response r : new Response[] {create, list}) {
      assertThat(r.status()).as(r.toString()).isEqualTo(401);
      assertThat(r.json().at("/error/code").asText()).isEqualTo("not_authenticated");
    }
    assertThat(badToken.status()).isEqualTo(401);
    assertThat(badToken.json().at("/error/code").asText()).isEqualTo("invalid_token");
  }

  @Test
  void theOrgListShowsOnlyTheCallersOrgsWithTheirRoleInEach() {
    Team team = orgs.aTeam();
    TestOrg bobsOwn = orgs.anOrgAdministeredBy(team.bob());

    Response bobs = api.as(team.bob().token()).get("/api/v1/orgs/");

    assertThat(bobs.status()).isEqualTo(200);
    assertThat(bobs.json().get("count").asInt()).isEqualTo(2);
    assertThat(bobs.json().findValuesAsText("slug"))
        .containsExactlyInAnyOrder(team.org().slug(), bobsOwn.slug());
    bobs.json()
        .get("results")
        .forEach(
            org ->
                assertThat(org.get("role").asText())
                    .isEqualTo(
                        org.get("slug").asText().equals(bobsOwn.slug()) ? "admin" : "member"));
    Response daves = api.as(team.dave().token()).get("/api/v1/orgs/");
    assertThat(daves.json().get("count").asInt()).isZero();
    assertThat(daves.json().get("results").isEmpty()).isTrue();
  }

  @Test
  void theOrgListIsPaginatedWithAbsoluteLinks() {
    TestUser alice = users.aRegisteredUser("alice");
    for (int i = 0; i < 3; i++) {
      orgs.anOrgAdministeredBy(alice);
    }

    Response first = api.as(alice.token()).get("/api/v1/orgs/?page_size=2");
    Response second = api.as(alice.token()).get("/api/v1/orgs/?page_size=2&page=2");
    Response past = api.as(alice.token()).get("/api/v1/orgs/?page=5&page_size=2");

    assertThat(first.json().get("count").asInt()).isEqualTo(3);
    assertThat(first.json().get("results").size()).isEqualTo(2);
    assertThat(first.json().get("previous").isNull()).isTrue();
    assertThat(first.json().get("next").asText())
        .isEqualTo("http://127.0.0.1:" + api.port() + "/api/v1/orgs/?page_size=2&page=2");
    assertThat(second.json().get("results").size()).isEqualTo(1);
    assertThat(second.json().get("next").isNull()).isTrue();
    assertThat(second.json().get("previous").asText())
        .isEqualTo("http://127.0.0.1:" + api.port() + "/api/v1/orgs/?page_size=2");
    assertThat(past.status()).isEqualTo(200);
    assertThat(past.json().get("results").isEmpty()).isTrue();
    assertThat(past.json().get("next").isNull()).isTrue();
    assertThat(past.json().get("previous").asText())
        .as("the last page, not the empty page 4")
        .isEqualTo("http://127.0.0.1:" + api.port() + "/api/v1/orgs/?page_size=2&page=2");
  }

  @Test
  void badPageParametersAreNamedInA400() {
    TestUser alice = users.aRegisteredUser("alice");

    Response zero = api.as(alice.token()).get("/api/v1/orgs/?page=0");
    Response word = api.as(alice.token()).get("/api/v1/orgs/?page_size=many");
    Response huge = api.as(alice.token()).get("/api/v1/orgs/?page_size=1000");

    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.json().at("/error/details/page").isArray()).isTrue();
    assertThat(word.status()).isEqualTo(400);
    assertThat(word.json().at("/error/details/page_size/0").asText())
        .isEqualTo("Enter a valid value.");
    assertThat(huge.status()).as("served as 100, as DRF does").isEqualTo(200);
  }

  private static Map<String, String> orgBody(String slug, String name) {
    return Map.of("slug", slug, "name", name);
  }
}
