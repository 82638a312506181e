package io.quire.api.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.QuireApplication;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The run command's default: no configuration but a data folder, so the server runs on its embedded
 * H2 database. Register, get a token, see yourself.
 */
@SpringBootTest(
    classes = QuireApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "quire.accounts.password-hash-iterations=1000")
class EmbeddedDefaultSmokeTest {

  private static final Path DATA = temporaryFolder();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void dataFolder(DynamicPropertyRegistry registry) {
    registry.add("quire.data-dir", DATA::toString);
  }

  @Test
  void registerTokenAndMeWorkOnTheEmbeddedDatabase() {
    HttpApi api = new HttpApi(port);
    String username = Users.aNewUsername("h2");

    Response registered =
        api.post(
            "/api/v1/auth/register/",
            Map.of("username", username, "email", "h2@example.com", "password", "correct-horse"));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    Response token =
        api.post("/api/v1/auth/token/", Map.of("username", username, "password", "correct-horse"));
    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    Response me =
        api.request("GET", "/api/v1/auth/me/").token(token.json().get("token").asText()).send();

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("username").asText()).isEqualTo(username);
    assertThat(api.get("/readyz/").status()).isEqualTo(200);
    assertThat(DATA.resolve("quire.mv.db")).exists();
  }

  private static Path temporaryFolder() {
    try {
      Path dir = Files.createTempDirectory("quire-h2-smoke-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
