package io.quire.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Users;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every error status the server can produce answers the JSON envelope, and nothing more. */
@IntegrationTest
class ErrorEnvelopeContractIntegrationTest {

  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired HttpApi api;

  @Test
  void aPathThatDoesNotDecodeIsA400OnPathInTheEnvelope() {
    for (String path :
        java.util.List.of(
            "/api/v1/articles/%FF%FE/", "/api/v1/orgs/acme/tasks/%00/", "/api/v1/orgs/%E2%82/")) {
      HttpApi.Response answer = api.get(path);

      assertThat(answer.status()).as(path).isEqualTo(400);
      assertThat(answer.json().at("/error/code").asText()).isEqualTo("validation_error");
      assertThat(answer.json().at("/error/details/path/0").asText())
          .as(path)
          .contains("percent-encoded UTF-8");
    }
    assertThat(api.get("/api/v1/articles/caf%C3%A9/").status()).isEqualTo(404);
  }

  @Test
  void validationErrorsListMessagesPerField() {
    Response r = api.post("/api/v1/auth/register/", Map.of("username", "x"));
    JsonNode error = assertEnvelope(r, 400, "validation_error");
    assertThat(error.at("/details/username").isArray()).isTrue();
    assertThat(error.at("/details/password/0").asText()).isEqualTo("This field is required.");
  }

  @Test
  void malformedJsonIs400MalformedJson() {
    Response r = api.request("POST", "/api/v1/auth/register/").json("{\"username\": ").send();
    assertEnvelope(r, 400, "malformed_json");
  }

  @Test
  void duplicateKeysAreMalformedJson() {
    Response r =
        api.request("POST", "/api/v1/auth/token/")
            .json("{\"username\": \"a\", \"password\": \"b\", \"username\": \"c\"}")
            .send();
    assertEnvelope(r, 400, "malformed_json");
  }

  @Test
  void aBodyThatIsNotAnObjectIsAValidationError() {
    Response r = api.request("POST", "/api/v1/auth/token/").json("[1, 2]").send();
    JsonNode error = assertEnvelope(r, 400, "validation_error");
    assertThat(error.at("/details/non_field_errors/0").asText())
        .isEqualTo("Expected a JSON object.");
  }

  @Test
  void contentAfterTheBodysJsonValueIsMalformedJson() {
    for (String body :
        new String[] {
          "{\"username\": \"a\", \"password\": \"b\"} trailing",
          "{\"username\": \"a\", \"password\": \"b\"} {}"
        }) {
      Response r = api.request("POST", "/api/v1/auth/token/").json(body).send();
      assertEnvelope(r, 400, "malformed_json");
    }
  }

  @Test
  void anEmptyBodyIsMalformedJson() {
    Response r = api.request("POST", "/api/v1/auth/token/").body("application/json", "").send();
    assertEnvelope(r, 400, "malformed_json");
  }

  @Test
  void unknownFieldsAreValidationErrors() {
    Response r =
        api.post("/api/v1/auth/token/", Map.of("username", "u", "password", "p", "role", "admin"));
    JsonNode error = assertEnvelope(r, 400, "validation_error");
    assertThat(error.at("/details/role/0").asText()).isEqualTo("Unknown field.");
  }

  @Test
  void aFieldOfTheWrongTypeIsAValidationErrorOnThatField() {
    Response r =
        api.request("POST", "/api/v1/auth/token/")
            .json("{\"username\": {\"a\": 1}, \"password\": \"x\"}")
            .send();
    JsonNode error = assertEnvelope(r, 400, "validation_error");
    assertThat(error.at("/details/username").isArray()).isTrue();
  }

  @Test
  void aMissingTokenIs401NotAuthenticated() {
    Response r = api.get("/api/v1/auth/me/");
    assertEnvelope(r, 401, "not_authenticated");
    assertThat(r.header("WWW-Authenticate")).isEqualTo("Token");
  }

  @Test
  void aWrongTokenIs401InvalidToken() {
    assertEnvelope(
        api.request("GET", "/api/v1/auth/me/").token("f".repeat(64)).send(), 401, "invalid_token");
    assertEnvelope(
        api.request("GET", "/api/v1/auth/me/").header("Authorization", "Basic abc").send(),
        401,
        "invalid_token");
  }

  @Test
  void permissionDeniedIs403() {
    Team team = orgs.aTeam();
    Response r =
        api.as(team.bob().token())
            .post(
                team.org().path("members/"),
                Map.of("username", team.dave().username(), "role", "admin"));
    assertEnvelope(r, 403, "permission_denied");
  }

  @Test
  void unknownPathsAre404WhateverTheClientAccepts() {
    assertEnvelope(api.get("/api/v1/no-such-thing/"), 404, "not_found");
    assertEnvelope(api.request("GET", "/").header("Accept", "text/html").send(), 404, "not_found");
    assertEnvelope(api.get("/error"), 404, "not_found");
  }

  @Test
  void aWrongMethodIs405() {
    Response r = api.request("DELETE", "/api/v1/auth/register/").send();
    assertEnvelope(r, 405, "method_not_allowed");
    assertThat(r.header("Allow")).contains("POST");
  }

  @Test
  void traceIs405WithThePathsMethodsAndNeverEchoesTheRequest() {
    Response known =
        api.request("TRACE", "/api/v1/articles/").header("X-Secret", "do-not-echo").send();
    Response unknown = api.request("TRACE", "/api/v1/no-such-thing/").send();

    assertEnvelope(known, 405, "method_not_allowed");
    assertThat(known.header("Allow")).isEqualTo("GET,POST");
    assertThat(known.text()).doesNotContain("do-not-echo", "TRACE /api");
    assertEnvelope(unknown, 404, "not_found");
  }

  @Test
  void askingForAnythingButJsonIs406InJsonAnyway() {
    Response r = api.request("GET", "/readyz/").header("Accept", "text/csv").send();
    assertEnvelope(r, 406, "not_acceptable");
  }

  @Test
  void conflictsAre409AndStaleVersions412() {
    Team team = orgs.aTeam();
    var ada = api.as(team.ada().token());
    assertEnvelope(
        ada.post("/api/v1/orgs/", Map.of("slug", team.org().slug(), "name", "Again")),
        409,
        "conflict");
    assertEnvelope(
        ada.delete(team.org().path("members/" + team.ada().id() + "/")), 409, "last_admin");
    String task = orgs.aTask(team.org(), team.ada(), null, "Stale");
    ada.patch(team.org().path("tasks/" + task + "/"), Map.of("title", "Newer"));
    assertEnvelope(
        ada.request("PATCH", team.org().path("tasks/" + task + "/"))
            .header("If-Match", "W/\"1\"")
            .json(Map.of("title", "Stale edit"))
            .send(),
        412,
        "precondition_failed");
  }

  @Test
  void bodiesOverOneMebibyteAre413WithOrWithoutALength() {
    String big = "{\"username\": \"" + "a".repeat(1024 * 1024) + "\"}";
    assertEnvelope(
        api.request("POST", "/api/v1/auth/register/").json(big).send(), 413, "payload_too_large");
    HttpRequest.BodyPublisher chunked =
        HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)));
    Response r =
        api.request("POST", "/api/v1/auth/register/")
            .header("Content-Type", "application/json")
            .body(chunked)
            .send();
    assertEnvelope(r, 413, "payload_too_large");
  }

  @Test
  void aWrongContentTypeIs415() {
    Response r = api.request("POST", "/api/v1/auth/register/").body("text/plain", "hello").send();
    assertEnvelope(r, 415, "unsupported_media_type");
  }

  @Test
  void tooManyFailedLoginsAre429() {
    Users.TestUser user = users.aRegisteredUser("locked");
    Response r = null;
    for (int i = 0; i < 6; i++) {
      r =
          api.post(
              "/api/v1/auth/token/",
              Map.of("username", user.username(), "password", "wrong-password"));
    }
    assertEnvelope(r, 429, "too_many_requests");
  }

  @Test
  void anUnexpectedErrorIs500WithoutStackTraceSqlOrClassNames() {
    Response r = api.get("/test-probes/errors/boom");
    JsonNode error = assertEnvelope(r, 500, "internal_error");
    assertThat(error.at("/details/error_id").asText()).matches("[0-9a-f-]{36}");
    assertThat(r.text())
        .doesNotContain("SELECT", "SQL", "org.", "java.", "Exception", "accounts_pkey", "\tat ");
  }

  @Test
  void tomcatsOwnErrorsAreJsonToo() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", api.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer;
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
        answer = in.lines().collect(Collectors.joining("\n"));
      }
      assertThat(answer).startsWith("HTTP/1.1 400");
      assertThat(answer).containsIgnoringCase("content-type: application/json");
      assertThat(answer)
          .contains("{\"error\":{\"code\":\"validation_error\"")
          .doesNotContain("<html");
    }
  }

  @Test
  void headersOverTomcatsLimitAre400WithTheLimitInTheDetails() {
    Response r =
        api.request("GET", "/api/v1/articles/").header("X-Padding", "a".repeat(70_000)).send();

    JsonNode error = assertEnvelope(r, 400, "validation_error");
    assertThat(error.at("/details/headers/0").asText())
        .isEqualTo("Ensure the request line and headers together have no more than 65536 bytes.");
  }

  private static JsonNode assertEnvelope(Response r, int status, String code) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/json");
    JsonNode body = r.json();
    assertThat(Stream.of(body.fieldNames()).map(it -> it.next()).toList()).containsExactly("error");
    JsonNode error = body.get("error");
    assertThat(error.get("code").asText()).isEqualTo(code);
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(error.get("details").isObject()).as("details is always an object").isTrue();
    return error;
  }
}
