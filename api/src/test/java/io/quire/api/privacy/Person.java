package io.quire.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import java.util.Map;
import java.util.UUID;

/** Someone registered and signed in through the API: their token, id and username. */
record Person(String token, String id, String username) {

  static final String PASSWORD = "correct-horse-battery-staple";

  /** A new person whose username starts with {@code hint}. */
  static Person register(HttpApi api, String hint) {
    String name = hint + UUID.randomUUID().toString().substring(0, 8);
    accepted(
        api.post(
            "/api/v1/auth/register/",
            Map.of("username", name, "email", name + "@example.com", "password", PASSWORD)));
    Response signedIn =
        api.post("/api/v1/auth/token/", Map.of("username", name, "password", PASSWORD));
    accepted(signedIn);
    String token = signedIn.json().get("token").asText();
    return new Person(token, api.as(token).get("/api/v1/auth/me/").json().get("id").asText(), name);
  }

  static void accepted(Response response) {
    assertThat(response.status()).as(response.toString()).isBetween(200, 299);
  }
}
