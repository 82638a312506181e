package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Users;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Values in request bodies and query strings, on PostgreSQL: what cannot be stored, what is not of
 * the field's type or form, and lengths counted in characters. Each refusal is a 400 on its field,
 * and nothing is stored.
 */
@IntegrationTest
class RequestValuesIntegrationTest {

  private static final String EMOJI = "\uD83D\uDE00";
  private static final String DATE_FORMAT =
      "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";

  @Autowired Orgs orgs;
  @Autowired HttpApi api;

  @Test
  void aNulCharacterInATextFieldIsRefusedOnThatField() {
    Team team = orgs.aTeam();

    Response r = bob(team).request("POST", tasks(team)).json("{\"title\": \"a\\u0000b\"}").send();

    assertField(r, "title", "Null characters are not allowed.");
    assertThat(count(team, "")).isZero();
  }

  @Test
  void anUnpairedSurrogateInATextFieldIsRefusedOnThatField() {
    Team team = orgs.aTeam();

    Response high = bob(team).request("POST", tasks(team)).json("{\"title\": \"a\\ud800\"}").send();
    Response low =
        bob(team)
            .request("POST", tasks(team))
            .json("{\"title\": \"x\", \"description\": \"\\udc00b\"}")
            .send();

    assertField(high, "title", "Unpaired surrogate characters are not allowed.");
    assertField(low, "description", "Unpaired surrogate characters are not allowed.");
    assertThat(count(team, "")).isZero();
  }

  @Test
  void aNulCharacterInAQueryParameterIsRefusedOnThatParameter() {
    Team team = orgs.aTeam();

    Response tasks = bob(team).get(tasks(team) + "?q=a%00b");
    Response articles = api.get("/api/v1/articles/?author=x%00&page=1");

    assertField(tasks, "q", "Null characters are not allowed.");
    assertField(articles, "author", "Null characters are not allowed.");
    assertThat(articles.json().at("/error/details").size()).isEqualTo(1);
  }

  @Test
  void aQueryStringOver8KiBIsRefusedOnQueryOnEveryEndpoint() {
    Team team = orgs.aTeam();
    String atTheLimit = "?padding=" + "a".repeat(8192 - "padding=".length());

    Response served = api.get("/api/v1/articles/" + atTheLimit);
    Response articles = api.get("/api/v1/articles/" + atTheLimit + "a");
    Response audit = ada(team).get(team.org().path("audit/") + atTheLimit + "a");
    Response encoded = bob(team).get(tasks(team) + "?q=" + "%41".repeat(3000));

    assertThat(served.status()).as("8192 bytes are served").isEqualTo(200);
    assertField(articles, "query", "Ensure the query string has no more than 8192 bytes.");
    assertField(audit, "query", "Ensure the query string has no more than 8192 bytes.");
    assertField(encoded, "query", "Ensure the query string has no more than 8192 bytes.");
    assertThat(articles.json().at("/error/details").size()).isEqualTo(1);
  }

  @Test
  void aBooleanObjectOrArrayIsNotAString() {
    Team team = orgs.aTeam();

    for (String value : List.of("true", "{\"a\": 1}", "[\"a\"]")) {
      Response r = bob(team).request("POST", tasks(team)).json("{\"title\": " + value + "}").send();

      assertField(r, "title", "Not a valid string.");
    }
    assertThat(count(team, "")).isZero();
  }

  @Test
  void lengthsAreCountedInCharactersNotUtf16Units() {
    Team team = orgs.aTeam();

    Response longest = bob(team).post(tasks(team), Map.of("title", EMOJI.repeat(200)));
    Response tooLong = bob(team).post(tasks(team), Map.of("title", EMOJI.repeat(201)));
    Response shortPassword =
        api.post(
            "/api/v1/auth/register/",
            Map.of(
                "username",
                Users.aNewUsername("emoji"),
                "email",
                "e@example.com",
                "password",
                EMOJI.repeat(9)));

    assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
    assertThat(longest.json().get("title").asText()).isEqualTo(EMOJI.repeat(200));
    assertField(tooLong, "title", "Ensure this field has no more than 200 characters.");
    assertField(shortPassword, "password", "Ensure this field has 10 to 4096 characters.");
  }

  @Test
  void aDateIsExactlyYearMonthDay() {
    Team team = orgs.aTeam();

    for (String value :
        List.of(
            "20260301",
            "99999999999999",
            "\"2026-03-01T23:59:59Z\"",
            "\" 2026-03-01\"",
            "\"0000-01-01\"",
            "\"-0001-01-01\"",
            "\"+12026-01-01\"",
            "\"2026-02-30\"",
            "\"2026-3-1\"",
            "true")) {
      Response r =
          bob(team)
              .request("POST", tasks(team))
              .json("{\"title\": \"x\", \"due_date\": " + value + "}")
              .send();

      assertField(r, "due_date", DATE_FORMAT);
    }
    assertThat(count(team, "")).isZero();
    Response leapDay = bob(team).post(tasks(team), Map.of("title", "x", "due_date", "2028-02-29"));
    assertThat(leapDay.json().get("due_date").asText()).isEqualTo("2028-02-29");
  }

  @Test
  void aChoiceIsNeverItsPosition() {
    Team team = orgs.aTeam();

    Response format = ada(team).request("POST", exports(team)).json("{\"format\": 1}").send();
    Response status =
        ada(team)
            .request("POST", exports(team))
            .json("{\"format\": \"csv\", \"status\": 0}")
            .send();

    assertField(format, "format", "\"1\" is not a valid choice.");
    assertField(status, "status", "\"0\" is not a valid choice.");
  }

  @Test
  void aValueOfAnotherTypeSaysWhatTheFieldTakes() {
    Team team = orgs.aTeam();

    Response uuid = bob(team).post(tasks(team), Map.of("title", "x", "assigned_to", "carol"));
    Response list =
        api.as(team.bob().token())
            .post("/api/v1/articles/", Map.of("title", "x", "body", "y", "tags", "news"));

    assertField(uuid, "assigned_to", "Must be a valid UUID.");
    assertField(list, "tags", "Expected a list of items.");
  }

  @Test
  void aNumberTooLongToReadIsAValidationErrorNotMalformedJson() {
    Team team = orgs.aTeam();

    Response r =
        bob(team)
            .request("POST", tasks(team))
            .json("{\"title\": " + "9".repeat(5_000) + "}")
            .send();

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("validation_error");
    assertThat(r.json().at("/error/details/non_field_errors").isArray()).isTrue();
  }

  @Test
  void aMissingFieldIsOnlyRequired() {
    Team team = orgs.aTeam();

    Response task = bob(team).post(tasks(team), Map.of("description", "x"));
    Response integration = ada(team).post(team.org().path("integrations/"), Map.of());

    assertThat(task.json().at("/error/details/title")).hasSize(1);
    assertField(task, "title", "This field is required.");
    assertThat(integration.json().at("/error/details/name")).hasSize(1);
    assertField(integration, "name", "This field is required.");
  }

  @Test
  void anEmailAddressNeedsADomainWithATopLevelPart() {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("username", Users.aNewUsername("mail"));
    body.put("password", "correct-horse");

    body.put("email", "a@b");
    Response dotless = api.post("/api/v1/auth/register/", body);
    body.put("email", "a@example.org");
    Response dotted = api.post("/api/v1/auth/register/", body);

    assertField(dotless, "email", "Enter a valid email address.");
    assertThat(dotted.status()).as(dotted.toString()).isEqualTo(201);
  }

  private HttpApi.Caller bob(Team team) {
    return api.as(team.bob().token());
  }

  private HttpApi.Caller ada(Team team) {
    return api.as(team.ada().token());
  }

  private static String tasks(Team team) {
    return team.org().path("tasks/");
  }

  private static String exports(Team team) {
    return team.org().path("exports/");
  }

  private int count(Team team, String query) {
    return ada(team).get(tasks(team) + query).json().get("count").asInt();
  }

  private static void assertField(Response r, String field, String message) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    JsonNode error = r.json().get("error");
    assertThat(error.get("code").asText()).as(r.toString()).isEqualTo("validation_error");
    List<String> messages = new ArrayList<>();
    error.at("/details/" + field).forEach(m -> messages.add(m.asText()));
    assertThat(messages).as(r.toString()).contains(message);
  }
}
