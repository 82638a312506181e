package io.quire.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class OperationsIntegrationTest {

  @Autowired HttpApi api;

  @Test
  void readinessChecksTheDatabaseAndEveryEventProcessor() {
    Response r = api.get("/readyz/");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("ok");
    assertThat(r.json().at("/checks/database").asText()).isEqualTo("ok");
    assertThat(r.json().at("/checks/event_processor:user-directory").asText()).isEqualTo("ok");
  }

  @Test
  void probesAnswerWhateverAuthorizationHeaderComesWithThem() {
    for (String path : new String[] {"/livez/", "/readyz/"}) {
      HttpApi.Response r = api.request("GET", path).header("Authorization", "Token stale").send();

      assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
  }

  @Test
  void livenessAnswersWhileTheProcessRuns() {
    assertThat(api.get("/livez/").status()).isEqualTo(200);
    assertThat(api.get("/livez").json().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void theInteractiveDocumentationIsServed() {
    Response redirect = api.get("/api/docs/");
    assertThat(redirect.status()).isEqualTo(302);

    Response page = api.get(redirect.header("Location"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
  }
}
