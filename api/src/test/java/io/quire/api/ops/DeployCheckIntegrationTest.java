package io.quire.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.QuireApplication;
import io.quire.api.testing.ExtraServers;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.PostgresContextInitializer;
import io.quire.api.testing.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A production configuration that passes the deploy check starts: on this run's PostgreSQL, with a
 * secret key, a long administrator password and the interactive documentation off. (The shared
 * context of {@link IntegrationTest} has migrated the database.)
 */
@IntegrationTest
class DeployCheckIntegrationTest {

  @Test
  void aProductionConfigurationThatPassesTheCheckStartsAndServesWithoutTheInteractiveDocs() {
    try (ConfigurableApplicationContext server =
        ExtraServers.start(
            new SpringApplicationBuilder(QuireApplication.class, TestClockConfiguration.class)
                // integration-test: PostgreSQL, QUIRE_SECRET_KEY and a 19-character password.
                .profiles("integration-test", DeployCheck.PROFILE)
                .initializers(new PostgresContextInitializer())
                .build(),
            "--server.port=0",
            "--spring.flyway.enabled=false",
            "--quire.docs.enabled=false")) {
      HttpApi api = new HttpApi(ExtraServers.port(server));

      Response ready = api.get("/readyz/");
      Response docs = api.get("/api/docs/");
      Response ui = api.get("/api/docs/swagger-ui/index.html");
      Response schema = api.get("/api/schema/");

      assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
      assertThat(docs.status()).as(docs.toString()).isEqualTo(404);
      assertThat(docs.json().at("/error/code").asText()).isEqualTo("not_found");
      assertThat(ui.status()).as(ui.toString()).isEqualTo(404);
      assertThat(schema.status()).as("the OpenAPI document stays").isEqualTo(200);
    }
  }
}
