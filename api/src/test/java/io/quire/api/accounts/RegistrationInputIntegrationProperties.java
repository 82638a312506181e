package io.quire.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.testsupport.Seeded;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whatever a client sends to register, the answer is a 201 or a 400 in the envelope, and a 400
 * creates nothing.
 */
@IntegrationTest
class RegistrationInputIntegrationProperties {

  @Autowired HttpApi api;

  @Autowired JdbcTemplate jdbc;

  private static final Gen<String> TEXT =
      arbitrary()
          .pick(
              "",
              " ",
              "ab",
              "a b",
              "ok_name",
              "ÄÖÜ",
              "x@y",
              "x@example.com",
              "0123456789",
              "\u0000")
          .mix(strings().betweenCodePoints(0x20, 0x2FF).ofLengthBetween(0, 40), 60);

  @Test
  void tokenRequestsWithAnyInputAreRefusedInTheEnvelopeNeverFailing() {
    Seeded.qt()
        .withExamples(100)
        .forAll(TEXT, TEXT)
        .checkAssert(
            (username, password) -> {
              Response r =
                  api.post(
                      "/api/v1/auth/token/", Map.of("username", username, "password", password));
              assertThat(r.status()).as(r.toString()).isIn(400, 401, 429);
              assertThat(r.json().at("/error/code").asText())
                  .isIn("validation_error", "invalid_credentials", "too_many_requests");
            });
  }

  @Test
  void registrationInputIsEitherAcceptedOrRejectedWithFieldErrorsAndNoTrace() {
    Seeded.qt()
        .withExamples(150)
        .forAll(TEXT, TEXT, TEXT, arbitrary().pick("", "role", "is_staff"))
        .checkAssert(
            (username, email, password, extra) -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("username", username);
              body.put("email", email);
              body.put("password", password);
              if (!extra.isEmpty()) {
                body.put(extra, "admin");
              }
              boolean storable = !(username + email).contains("\u0000");
              // PostgreSQL text cannot even hold a NUL, so such a pair is never counted.
              int before = storable ? accounts(username, email) : 0;
              Response r = api.post("/api/v1/auth/register/", body);
              assertThat(r.status()).as(r.toString()).isIn(201, 400);
              if (r.status() == 400) {
                JsonNode error = r.json().get("error");
                assertThat(error.get("code").asText()).isEqualTo("validation_error");
                assertThat(error.get("details").size()).isPositive();
                if (storable) {
                  // An earlier example may have registered the same pair: compared, not zero.
                  assertThat(accounts(username, email))
                      .as("a rejected registration creates nothing")
                      .isEqualTo(before);
                }
              }
            });
  }

  private int accounts(String username, String email) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM accounts WHERE username = ? AND email = ?",
        Integer.class,
        username,
        email);
  }
}
