package io.quire.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi.Response;
import java.util.Map;

/** The first thing every client does: register, get a token, ask who it is. */
public final class AccountJourney {

  private AccountJourney() {}

  /** Registers {@code username}, gets a token and answers what {@code /auth/me/} says. */
  public static JsonNode registerGetATokenAndAskWhoIAm(HttpApi api, String username) {
    String password = "correct-horse";
    Response registered =
        api.post(
            "/api/v1/auth/register/",
            Map.of("username", username, "email", username + "@example.com", "password", password));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    Response token =
        api.post("/api/v1/auth/token/", Map.of("username", username, "password", password));
    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    Response me =
        api.request("GET", "/api/v1/auth/me/").token(token.json().get("token").asText()).send();
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().get("id")).isEqualTo(registered.json().get("id"));
    return me.json();
  }
}
