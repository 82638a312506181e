package io.quire.api.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.QuireApplication;
import io.quire.api.testing.AccountJourney;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.TestClockConfiguration;
import io.quire.api.testing.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
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
// The same fixed clock as the PostgreSQL context: Axon's event clock is one static per JVM.
@Import(TestClockConfiguration.class)
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

    JsonNode me = AccountJourney.registerGetATokenAndAskWhoIAm(api, username);

    assertThat(me.get("username").asText()).isEqualTo(username);
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
