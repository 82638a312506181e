package io.quire.api.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registering and listing integrations: admins only, and the secret is shown exactly once. */
@IntegrationTest
class IntegrationsIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Orgs orgs;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAdminRegistersAnIntegrationAndSeesItsSecretOnce() {
    Team team = orgs.aTeam();

    Response created = api.as(team.ada().token()).post(integrations(team), Map.of("name", " CI "));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode integration = created.json();
    String id = integration.get("id").asText();
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(integration.get("name").asText()).isEqualTo("CI");
    assertThat(integration.get("secret").asText()).matches("whsec_[A-Za-z0-9_-]{43}");
    assertThat(integration.get("webhook_url").asText())
        .isEqualTo("http://127.0.0.1:" + api.port() + "/api/v1/webhooks/" + id + "/");
    assertThat(integration.get("created_at").asText()).endsWith("Z");

    JsonNode listed = api.as(team.ada().token()).get(integrations(team)).json();
    assertThat(listed.get("count").asInt()).isEqualTo(1);
    JsonNode item = listed.at("/results/0");
    assertThat(item.get("id").asText()).isEqualTo(id);
    assertThat(item.has("secret")).isFalse();
    assertThat(listed.toString()).doesNotContain(integration.get("secret").asText());
  }

  @Test
  void theSecretIsNotInTheDatabaseInTheClear() {
    Team team = orgs.aTeam();
    String secret = registeredBy(team).get("secret").asText();
    String key = secret.substring("whsec_".length());

    Integer inEvents =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM domain_event_entry WHERE position(? in payload) > 0",
            Integer.class,
            (Object) key.getBytes(StandardCharsets.UTF_8));
    Integer inLookup =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM integration_lookup WHERE sealed_secret LIKE ?",
            Integer.class,
            "%" + key + "%");
    Integer sealedRows =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM integration_lookup l JOIN integration_view v"
                + " ON v.integration_id = l.integration_id WHERE v.org_id = ?",
            Integer.class,
            team.org().id().value());

    assertThat(inEvents).isZero();
    assertThat(inLookup).isZero();
    assertThat(sealedRows).isOne();
  }

  @Test
  void integrationsAreListedNewestFirst() {
    Team team = orgs.aTeam();
    var ada = api.as(team.ada().token());
    ada.post(integrations(team), Map.of("name", "First"));
    ada.post(integrations(team), Map.of("name", "Second"));

    assertThat(ada.get(integrations(team)).json().get("results").findValuesAsText("name"))
        .containsExactly("Second", "First");
  }

  @Test
  void membersMayNotRegisterOrListIntegrations() {
    Team team = orgs.aTeam();

    Response register = api.as(team.bob().token()).post(integrations(team), Map.of("name", "CI"));
    Response list = api.as(team.bob().token()).get(integrations(team));

    assertThat(register.status()).as(register.toString()).isEqualTo(403);
    assertThat(list.status()).as(list.toString()).isEqualTo(403);
    assertThat(api.as(team.ada().token()).get(integrations(team)).json().get("count").asInt())
        .isZero();
  }

  @Test
  void toAnOutsiderTheOrgsIntegrationsDoNotExist() {
    Team team = orgs.aTeam();

    Response r = api.as(team.dave().token()).post(integrations(team), Map.of("name", "CI"));

    assertThat(r.status()).as(r.toString()).isEqualTo(404);
    assertThat(api.as(team.dave().token()).get(integrations(team)).status()).isEqualTo(404);
  }

  @Test
  void anIntegrationNeedsANameOfAtMost100Characters() {
    Team team = orgs.aTeam();
    var ada = api.as(team.ada().token());

    Response missing = ada.post(integrations(team), Map.of());
    Response blank = ada.post(integrations(team), Map.of("name", "  "));
    Response tooLong = ada.post(integrations(team), Map.of("name", "x".repeat(101)));
    Response unknownField = ada.post(integrations(team), Map.of("name", "CI", "secret", "mine"));

    for (Response r : new Response[] {missing, blank, tooLong, unknownField}) {
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.json().at("/error/code").asText()).isEqualTo("validation_error");
    }
    assertThat(missing.json().at("/error/details/name").isArray()).isTrue();
    assertThat(ada.get(integrations(team)).json().get("count").asInt()).isZero();
  }

  @Test
  void receiptsOfAnUnknownIntegrationAre404() {
    Team team = orgs.aTeam();
    Team other = orgs.aTeam();
    String theirs = registeredBy(other).get("id").asText();

    Response r =
        api.as(team.ada().token()).get(team.org().path("integrations/" + theirs + "/receipts/"));

    assertThat(r.status()).as(r.toString()).isEqualTo(404);
  }

  /** The 201 answer of an integration named "CI" that the team's admin registered. */
  private JsonNode registeredBy(Team team) {
    Response created = api.as(team.ada().token()).post(integrations(team), Map.of("name", "CI"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static String integrations(Team team) {
    return team.org().path("integrations/");
  }
}
