package io.quire.api.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.RacingChanges;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MembersIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired RacingChanges races;

  @Test
  void anAdminAddsAMemberWhoThenSeesTheOrg() {
    Team team = orgs.aTeam();

    Response added =
        api.as(team.ada().token())
            .post(
                team.org().path("members/"),
                Map.of("username", team.dave().username(), "role", "member"));

    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.json().at("/user/id").asText()).isEqualTo(team.dave().id());
    assertThat(added.json().at("/user/username").asText()).isEqualTo(team.dave().username());
    assertThat(added.json().get("role").asText()).isEqualTo("member");
    assertThat(added.json().get("joined_at").asText()).endsWith("Z");
    Response org = api.as(team.dave().token()).get(team.org().path(""));
    assertThat(org.status()).isEqualTo(200);
    assertThat(org.json().get("member_count").asInt()).isEqualTo(5);
    assertThat(org.json().get("role").asText()).isEqualTo("member");
  }

  @Test
  void usernamesAreMatchedInAnyLetterCase() {
    Team team = orgs.aTeam();

    Response added =
        api.as(team.ada().token())
            .post(
                team.org().path("members/"),
                Map.of(
                    "username", team.dave().username().toUpperCase(Locale.ROOT), "role", "admin"));

    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.json().get("role").asText()).isEqualTo("admin");
  }

  @Test
  void theMemberListShowsEveryMemberOldestFirst() {
    Team team = orgs.aTeam();

    Response members = api.as(team.bob().token()).get(team.org().path("members/"));

    assertThat(members.status()).isEqualTo(200);
    assertThat(members.json().get("count").asInt()).isEqualTo(4);
    assertThat(members.json().findValuesAsText("username"))
        .containsExactly(
            team.ada().username(),
            team.bob().username(),
            team.carol().username(),
            team.erin().username());
    assertThat(members.json().findValuesAsText("role"))
        .containsExactly("admin", "member", "member", "member");
  }

  @Test
  void addingAnUnknownUsernameIsA400OnUsername() {
    Team team = orgs.aTeam();

    Response r =
        api.as(team.ada().token())
            .post(
                team.org().path("members/"),
                Map.of("username", Users.aNewUsername("nobody"), "role", "member"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/error/details/username").isArray()).isTrue();
  }

  @Test
  void addingAMemberTwiceIsAConflict() {
    Team team = orgs.aTeam();

    Response r =
        api.as(team.ada().token())
            .post(
                team.org().path("members/"),
                Map.of("username", team.bob().username(), "role", "admin"));

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("conflict");
    assertThat(role(team, team.bob())).isEqualTo("member");
  }

  @Test
  void anUnknownRoleIsA400OnRole() {
    Team team = orgs.aTeam();

    Response r =
        api.as(team.ada().token())
            .post(
                team.org().path("members/"),
                Map.of("username", team.dave().username(), "role", "owner"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/error/details/role/0").asText())
        .isEqualTo("\"owner\" is not a valid choice.");
  }

  @Test
  void aMemberWhoIsNotAnAdminCannotAddChangeOrRemoveOthers() {
    Team team = orgs.aTeam();
    var bob = api.as(team.bob().token());

    Response add =
        bob.post(
            team.org().path("members/"),
            Map.of("username", team.dave().username(), "role", "member"));
    Response change =
        bob.patch(team.org().path("members/" + team.carol().id() + "/"), Map.of("role", "admin"));
    Response remove = bob.delete(team.org().path("members/" + team.carol().id() + "/"));

    for (Response r : new Response[] {add, change, remove}) {
      assertThat(r.status()).as(r.toString()).isEqualTo(403);
      assertThat(r.json().at("/error/code").asText()).isEqualTo("permission_denied");
    }
    assertThat(memberCount(team)).isEqualTo(4);
    assertThat(role(team, team.carol())).isEqualTo("member");
  }

  @Test
  void aMemberCanLeaveTheOrg() {
    Team team = orgs.aTeam();

    Response left =
        api.as(team.erin().token()).delete(team.org().path("members/" + team.erin().id()));

    assertThat(left.status()).as(left.toString()).isEqualTo(204);
    assertThat(left.text()).isEmpty();
    assertThat(api.as(team.erin().token()).get(team.org().path("")).status()).isEqualTo(404);
    assertThat(memberCount(team)).isEqualTo(3);
  }

  @Test
  void anAdminPromotesAMemberAndTheFormerOnlyAdminMayThenStepDown() {
    Team team = orgs.aTeam();
    var ada = api.as(team.ada().token());

    Response promoted =
        ada.patch(team.org().path("members/" + team.bob().id() + "/"), Map.of("role", "admin"));
    Response steppedDown =
        ada.patch(team.org().path("members/" + team.ada().id() + "/"), Map.of("role", "member"));

    assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
    assertThat(promoted.json().get("role").asText()).isEqualTo("admin");
    assertThat(steppedDown.status()).as(steppedDown.toString()).isEqualTo(200);
    assertThat(role(team, team.ada())).isEqualTo("member");
  }

  @Test
  void theLastAdminCanNeitherBeDemotedNorRemoved() {
    Team team = orgs.aTeam();
    var ada = api.as(team.ada().token());

    Response demote =
        ada.patch(team.org().path("members/" + team.ada().id() + "/"), Map.of("role", "member"));
    Response leave = ada.delete(team.org().path("members/" + team.ada().id() + "/"));

    for (Response r : new Response[] {demote, leave}) {
      assertThat(r.status()).as(r.toString()).isEqualTo(409);
      assertThat(r.json().at("/error/code").asText()).isEqualTo("last_admin");
    }
    assertThat(role(team, team.ada())).isEqualTo("admin");
    assertThat(memberCount(team)).isEqualTo(4);
  }

  @Test
  void changingOrRemovingSomeoneWhoIsNotAMemberIsNotFound() {
    Team team = orgs.aTeam();
    var ada = api.as(team.ada().token());

    Response change =
        ada.patch(team.org().path("members/" + team.dave().id() + "/"), Map.of("role", "admin"));
    Response remove = ada.delete(team.org().path("members/" + UUID.randomUUID() + "/"));
    Response notAnId = ada.delete(team.org().path("members/not-an-id/"));

    for (Response r : new Response[] {change, remove, notAnId}) {
      assertThat(r.status()).as(r.toString()).isEqualTo(404);
    }
  }

  @Test
  void aStaleOrgVersionIsAPreconditionFailureAndChangesNothing() {
    Team team = orgs.aTeam();
    var ada = api.as(team.ada().token());
    String seen = ada.get(team.org().path("")).header("ETag");
    ada.post(
        team.org().path("members/"), Map.of("username", team.dave().username(), "role", "member"));

    Response stale =
        ada.request("PATCH", team.org().path("members/" + team.bob().id() + "/"))
            .header("If-Match", seen)
            .json(Map.of("role", "admin"))
            .send();
    String current = ada.get(team.org().path("")).header("ETag");
    Response fresh =
        ada.request("PATCH", team.org().path("members/" + team.bob().id() + "/"))
            .header("If-Match", current)
            .json(Map.of("role", "admin"))
            .send();

    assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
    assertThat(stale.json().at("/error/code").asText()).isEqualTo("precondition_failed");
    assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
    assertThat(role(team, team.bob())).isEqualTo("admin");
  }

  /** The user's role as the member list shows it, or null if they are not a member. */
  private String role(Team team, TestUser user) {
    for (JsonNode member :
        api.as(team.ada().token())
            .get(team.org().path("members/?page_size=100"))
            .json()
            .get("results")) {
      if (member.at("/user/id").asText().equals(user.id())) {
        return member.get("role").asText();
      }
    }
    return null;
  }

  private int memberCount(Team team) {
    return api.as(team.ada().token()).get(team.org().path("")).json().get("member_count").asInt();
  }

  @Test
  void anAddAnswersTheMembershipItMadeEvenIfARemovalLandsBeforeItIsRead() {
    Team team = orgs.aTeam();
    races.removeBeforeTheNextReadOf(team.org().id(), team.dave().userId(), team.ada().userId());

    Response added =
        api.as(team.ada().token())
            .post(
                team.org().path("members/"),
                Map.of("username", team.dave().username(), "role", "member"));

    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.json().at("/user/username").asText()).isEqualTo(team.dave().username());
    assertThat(added.json().get("role").asText()).isEqualTo("member");
    assertThat(added.json().get("joined_at").asText()).endsWith("Z");
    assertThat(
            api.as(team.ada().token()).get(team.org().path("")).json().get("member_count").asInt())
        .as("the removal happened")
        .isEqualTo(4);
  }

  @Test
  void aRoleLeftAsItWasIsNotFoundWhenARemovalLandsBeforeItIsRead() {
    Team team = orgs.aTeam();
    races.removeBeforeTheNextReadOf(team.org().id(), team.bob().userId(), team.ada().userId());

    Response unchanged =
        api.as(team.ada().token())
            .patch(team.org().path("members/" + team.bob().id() + "/"), Map.of("role", "member"));

    assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(404);
    assertThat(unchanged.json().at("/error/code").asText()).isEqualTo("not_found");
  }
}
