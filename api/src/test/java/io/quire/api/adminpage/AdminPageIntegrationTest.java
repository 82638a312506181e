package io.quire.api.adminpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The operator page's files as the server answers them: self-contained, under a strict policy. */
@IntegrationTest
class AdminPageIntegrationTest {

  @Autowired HttpApi api;

  @Test
  void thePageAndItsFilesAreServedUnderAStrictContentSecurityPolicy() {
    for (String path : List.of("/admin/", "/admin", "/admin/admin.js", "/admin/admin.css")) {
      Response answer = api.get(path);
      assertThat(answer.status()).as(path).isEqualTo(200);
      assertThat(answer.header("Content-Security-Policy"))
          .as(path)
          .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'")
          .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
      assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
    }
    assertThat(api.get("/admin/").header("Content-Type")).startsWith("text/html");
    assertThat(api.get("/admin/admin.js").header("Content-Type")).startsWith("text/javascript");
    assertThat(api.get("/admin/admin.css").header("Content-Type")).startsWith("text/css");
  }

  @Test
  void thePageHasNoInlineScriptStyleOrExternalAsset() {
    String html = api.get("/admin/").text();

    List<String> scripts = List.of(html.split("<script", -1));
    assertThat(scripts).hasSize(2);
    assertThat(scripts.get(1)).startsWith(" src=\"/admin/admin.js\"");
    assertThat(html)
        .doesNotContainPattern("(?i)\\son[a-z]+\\s*=")
        .doesNotContain("style=", "<style");
    assertThat(html).doesNotContain("http://", "https://", "//cdn");
    assertThat(api.get("/admin/admin.css").text()).doesNotContain("@import", "url(http");
  }

  @Test
  void thePageIsNotPartOfTheApiDocument() {
    List<String> paths = new java.util.ArrayList<>();
    api.get("/api/schema/").json().path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).isNotEmpty().noneMatch(path -> path.startsWith("/admin"));
  }

  @Test
  void aPathBesideThePagesFilesIsTheUsualNotFound() {
    Response answer = api.get("/admin/nothing.js");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().path("error").path("code").asText()).isEqualTo("not_found");
  }
}
