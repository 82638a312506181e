package io.quire.api.projections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The projections admin API as staff and others see it, on this run's shared database (no rebuild
 * runs here: the rebuild tests have databases of their own).
 */
@IntegrationTest
class ProjectionsApiIntegrationTest {

  private static final String PROJECTIONS = "/api/v1/admin/projections/";

  @Autowired HttpApi api;
  @Autowired Users users;

  @Test
  void staffSeeEveryReadModelUpToDateWithTheStreamsHead() {
    TestUser staff = users.aStaffUser();

    // Other tests write meanwhile: the head read first is a floor for the one the list shows.
    long head =
        api.as(staff.token()).get("/api/v1/admin/events/head/").json().get("position").asLong();
    JsonNode page = api.as(staff.token()).get(PROJECTIONS).json();

    assertThat(page.get("count").asInt()).isEqualTo(7);
    assertThat(page.get("next").isNull()).isTrue();
    assertThat(page.get("results").findValuesAsText("name"))
        .containsExactly("orgs", "tasks", "articles", "integrations", "users", "audit", "exports");
    for (JsonNode model : page.get("results")) {
      assertThat(model.get("status").asText()).isEqualTo("running");
      assertThat(model.get("head").asLong()).isGreaterThanOrEqualTo(head);
      assertThat(model.get("position").asLong()).isEqualTo(model.get("head").asLong());
      assertThat(model.get("lag").asLong()).isZero();
      assertThat(model.get("replay").isNull()).isTrue();
      assertThat(model.get("last_error").isNull()).isTrue();
    }
  }

  @Test
  void pagesOfTheListFollowTheContractsPaging() {
    TestUser staff = users.aStaffUser();

    JsonNode second = api.as(staff.token()).get(PROJECTIONS + "?page=2&page_size=3").json();

    assertThat(second.get("count").asInt()).isEqualTo(7);
    assertThat(second.get("results").findValuesAsText("name"))
        .containsExactly("integrations", "users", "audit");
    assertThat(second.get("next").asText()).endsWith(PROJECTIONS + "?page_size=3&page=3");
    assertThat(second.get("previous").asText()).endsWith(PROJECTIONS + "?page_size=3");
  }

  @Test
  void theAuditIndexAndExportsAreListedAsNotRebuildableAndRefuseARebuild() {
    TestUser staff = users.aStaffUser();

    for (String name : new String[] {"audit", "exports"}) {
      JsonNode model = api.as(staff.token()).get(PROJECTIONS + name + "/").json();
      Response refused =
          api.as(staff.token()).request("POST", PROJECTIONS + name + "/rebuild/").send();

      assertThat(model.get("rebuildable").asBoolean()).isFalse();
      assertThat(model.get("not_rebuildable_reason").asText()).isNotBlank();
      assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
      assertThat(refused.json().at("/error/code").asText()).isEqualTo("conflict");
      assertThat(refused.json().at("/error/message").asText())
          .contains(model.get("not_rebuildable_reason").asText());
    }
  }

  @Test
  void anUnknownReadModelIsNotFound() {
    TestUser staff = users.aStaffUser();

    Response unknown = api.as(staff.token()).get(PROJECTIONS + "nope/");
    Response rebuild = api.as(staff.token()).request("POST", PROJECTIONS + "nope/rebuild/").send();

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(rebuild.status()).isEqualTo(404);
    assertThat(unknown.json().at("/error/code").asText()).isEqualTo("not_found");
  }

  @Test
  void onlyStaffMaySeeOrRebuildReadModels() {
    TestUser member = users.aRegisteredUser();

    assertThat(api.as(member.token()).get(PROJECTIONS).status()).isEqualTo(403);
    assertThat(api.as(member.token()).get(PROJECTIONS + "tasks/").status()).isEqualTo(403);
    assertThat(
            api.as(member.token()).request("POST", PROJECTIONS + "tasks/rebuild/").send().status())
        .isEqualTo(403);
    assertThat(api.get(PROJECTIONS).status()).isEqualTo(401);
    assertThat(api.request("POST", PROJECTIONS + "tasks/rebuild/").send().status()).isEqualTo(401);
  }
}
