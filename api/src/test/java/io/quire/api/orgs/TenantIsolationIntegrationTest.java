package io.quire.api.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * To anyone who is not a member, every {@code /api/v1/orgs/{slug}/...} answer is byte for byte the
 * answer for an org that does not exist: status, content type and body, whatever the method, the
 * body (valid, invalid or malformed) and the headers.
 */
@IntegrationTest
class TenantIsolationIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Orgs orgs;

  record Probe(String method, String rest, String body) {}

  private static final List<Probe> PROBES =
      List.of(
          new Probe("GET", "", null),
          new Probe("GET", "members/", null),
          new Probe("POST", "members/", "{\"username\": \"x\", \"role\": \"admin\"}"),
          new Probe("POST", "members/", "{\"username\": "),
          new Probe("PATCH", "members/%s/", "{\"role\": \"admin\"}"),
          new Probe("DELETE", "members/%s/", null),
          new Probe("GET", "tasks/", null),
          new Probe("GET", "tasks/?status=nonsense&page=0", null),
          new Probe("POST", "tasks/", "{\"title\": \"x\"}"),
          new Probe("POST", "tasks/", "{\"unknown\": 1}"),
          new Probe("GET", "tasks/%t/", null),
          new Probe("GET", "tasks/%t/?as_of=2026-03-01T12:00:00Z", null),
          new Probe("GET", "tasks/%t/?as_of=nonsense", null),
          new Probe("GET", "tasks/not-a-task-id/", null),
          new Probe("PATCH", "tasks/%t/", "{\"status\": \"done\"}"),
          new Probe("DELETE", "tasks/%t/", null),
          new Probe("GET", "tasks/%t/history/", null));

  @Test
  void aNonMemberGetsExactlyTheAnswerForAnOrgThatDoesNotExist() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Secret");
    String missingSlug = Orgs.aNewSlug("missing");

    for (Probe probe : PROBES) {
      String rest = probe.rest().replace("%s", team.bob().id()).replace("%t", task);
      Response existing =
          send(probe, "/api/v1/orgs/" + team.org().slug() + "/" + rest, team.dave().token());
      Response missing =
          send(probe, "/api/v1/orgs/" + missingSlug + "/" + rest, team.dave().token());

      assertThat(existing.status()).as(existing.toString()).isEqualTo(404);
      assertThat(existing.text()).as(probe.toString()).isEqualTo(missing.text());
      assertThat(existing.header("Content-Type")).isEqualTo(missing.header("Content-Type"));
      assertThat(existing.json().at("/error/code").asText()).isEqualTo("not_found");
    }
  }

  @Test
  void withoutATokenEveryOrgPathIsNotAuthenticated() {
    Team team = orgs.aTeam();
    for (Probe probe : PROBES) {
      String rest = probe.rest().replace("%s", team.bob().id()).replace("%t", "x");
      Response r = send(probe, team.org().path(rest), null);
      assertThat(r.status()).as(r.toString()).isEqualTo(401);
      assertThat(r.json().at("/error/code").asText()).isEqualTo("not_authenticated");
    }
  }

  private Response send(Probe probe, String path, String token) {
    HttpApi.Request request = api.request(probe.method(), path);
    if (token != null) {
      request.token(token);
    }
    if (probe.body() != null) {
      request.body("application/json", probe.body());
    }
    return request.send();
  }
}
