package io.quire.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The OpenAPI document describes the API as it answers: real responses, successes and errors,
 * validate against it.
 */
@IntegrationTest
class OpenApiContractIntegrationTest {

  private static final String ENVELOPE = "#/components/schemas/ErrorEnvelope";

  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired HttpApi api;
  JsonNode document;
  OpenApiInteractionValidator validator;

  @BeforeEach
  void load() {
    Response schema = api.get("/api/schema/");
    assertThat(schema.status()).isEqualTo(200);
    document = schema.json();
    validator = OpenApiInteractionValidator.createForInlineApiSpecification(schema.text()).build();
  }

  @Test
  void theDocumentIsOpenApi3TitledQuireApi() {
    assertThat(document.get("openapi").asText()).startsWith("3.0.");
    assertThat(document.at("/info/title").asText()).isEqualTo("Quire API");
    assertThat(api.get("/api/schema").text()).isEqualTo(api.get("/api/schema/").text());
  }

  @Test
  void everyPathIsWrittenWithItsTrailingSlashAndNoTestProbeLeaks() {
    List<String> paths = new ArrayList<>();
    document.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .contains(
            "/api/v1/auth/register/",
            "/api/v1/auth/token/",
            "/api/v1/auth/me/",
            "/api/v1/orgs/",
            "/api/v1/orgs/{slug}/",
            "/api/v1/orgs/{slug}/members/",
            "/api/v1/orgs/{slug}/members/{userId}/",
            "/api/v1/orgs/{slug}/tasks/",
            "/api/v1/orgs/{slug}/tasks/{taskId}/",
            "/api/v1/orgs/{slug}/tasks/{taskId}/history/",
            "/api/v1/orgs/{slug}/exports/",
            "/api/v1/orgs/{slug}/exports/{exportId}/",
            "/api/v1/orgs/{slug}/exports/{exportId}/download/",
            "/api/v1/articles/",
            "/api/v1/articles/{articleId}/",
            "/api/v1/articles/{articleId}/publish/",
            "/api/v1/articles/{articleId}/comments/",
            "/api/v1/moderation/comments/",
            "/api/v1/moderation/comments/{commentId}/approve/",
            "/api/v1/moderation/comments/{commentId}/reject/",
            "/readyz/",
            "/livez/")
        .allMatch(p -> p.endsWith("/"))
        .noneMatch(p -> p.startsWith("/test-probes") || p.startsWith("/error"))
        // The actuator is the operators' interface, not the API's (docs/architecture.md,
        // Operations).
        .noneMatch(p -> p.startsWith("/actuator"));
  }

  @Test
  void everyOperationDocumentsItsErrorsWithTheEnvelope() {
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        JsonNode responses = op.getValue().get("responses");
        String where = op.getKey() + " " + path.getKey();
        // The probes read no token, so they cannot answer 401; everything else can.
        boolean probe = List.of("/livez/", "/readyz/").contains(path.getKey());
        assertThat(responses.has("401")).as(where + " documents 401").isEqualTo(!probe);
        for (String status :
            probe ? List.of("404", "405", "500") : List.of("401", "404", "405", "500")) {
          assertThat(responses.has(status)).as(where + " documents " + status).isTrue();
          assertThat(responses.at("/" + status + "/content/application~1json/schema/$ref").asText())
              .as(where + " " + status)
              .isEqualTo(ENVELOPE);
        }
        if (op.getValue().has("requestBody")) {
          assertThat(responses.has("400") && responses.has("413") && responses.has("415"))
              .as(where + " documents 400, 413, 415")
              .isTrue();
        }
      }
    }
    assertThat(document.at("/paths/~1api~1v1~1auth~1token~1/post/responses/429")).isNotNull();
    assertThat(document.at("/paths/~1api~1v1~1auth~1token~1/post/responses").has("429")).isTrue();
    assertThat(document.at("/paths/~1api~1v1~1auth~1me~1/get/security/0").has("token")).isTrue();
    assertThat(
            document
                .at("/paths/~1api~1v1~1webhooks~1{integrationId}~1/post/responses/401/description")
                .asText())
        .contains("invalid_signature")
        .doesNotContain("invalid_token");
  }

  @Test
  void publicOperationsSayTheyNeedNoToken() {
    for (String pointer :
        List.of(
            "/paths/~1api~1v1~1auth~1register~1/post",
            "/paths/~1api~1v1~1auth~1token~1/post",
            "/paths/~1api~1v1~1webhooks~1{integrationId}~1/post",
            "/paths/~1livez~1/get",
            "/paths/~1readyz~1/get")) {
      JsonNode security = document.at(pointer + "/security");
      assertThat(security.isArray() && security.isEmpty()).as(pointer + " security: []").isTrue();
    }
  }

  @Test
  void pathIdsAreUuidsAndSlugsAreNot() {
    JsonNode parameters =
        document.at("/paths/~1api~1v1~1orgs~1{slug}~1tasks~1{taskId}~1/get/parameters");
    Map<String, String> formats = new HashMap<>();
    parameters.forEach(
        p -> {
          if (p.get("in").asText().equals("path")) {
            formats.put(p.get("name").asText(), p.at("/schema/format").asText());
          }
        });

    assertThat(formats).containsEntry("taskId", "uuid").containsEntry("slug", "");
  }

  @Test
  void schemasUseTheWireNames() {
    assertThat(document.at("/components/schemas/Me/properties").has("is_staff")).isTrue();
  }

  @Test
  void objectsThatMayBeNullAreNullableForGeneratedClients() {
    JsonNode schemas = document.at("/components/schemas");
    for (String pointer :
        List.of(
            "/Task/properties/created_by",
            "/Task/properties/assigned_to",
            "/TaskEvent/properties/actor")) {
      JsonNode property = schemas.at(pointer);
      assertThat(property.get("nullable").asBoolean()).as(pointer).isTrue();
      // OpenAPI 3.0 counts nullable only beside a type (the lint's nullable-type-sibling rule).
      assertThat(property.path("type").asText()).as(pointer).isEqualTo("object");
      assertThat(property.at("/allOf/0/$ref").asText())
          .as(pointer)
          .isEqualTo("#/components/schemas/User");
    }
    assertThat(schemas.at("/Article/properties/author/$ref").asText())
        .isEqualTo("#/components/schemas/User");
    assertThat(schemas.at("/Article/properties/author").has("nullable")).isFalse();
  }

  @Test
  void realAnswersMatchTheDocument() {
    String username = Users.aNewUsername("doc");
    check(
        api.post(
            "/api/v1/auth/register/",
            Map.of("username", username, "email", "d@example.com", "password", "correct-horse")));
    check(api.post("/api/v1/auth/register/", Map.of("username", "x")));
    check(
        api.post("/api/v1/auth/token/", Map.of("username", username, "password", "correct-horse")));
    check(api.post("/api/v1/auth/token/", Map.of("username", username, "password", "wrong-horse")));
    TestUser user = users.aRegisteredUser("doc");
    check(api.request("GET", "/api/v1/auth/me/").token(user.token()).send());
    check(api.get("/api/v1/auth/me/"));
    check(api.get("/readyz/"));
    check(api.get("/livez/"));
  }

  @Test
  void orgMemberAndTaskAnswersMatchTheDocument() {
    Team team = orgs.aTeam();
    var ada = api.as(team.ada().token());
    String slug = Orgs.aNewSlug("doc");
    check(ada.post("/api/v1/orgs/", Map.of("slug", slug, "name", "Docs")));
    check(ada.post("/api/v1/orgs/", Map.of("slug", slug, "name", "Docs")));
    check(ada.get("/api/v1/orgs/"));
    check(ada.get(team.org().path("")));
    check(ada.get(team.org().path("members/")));
    check(
        ada.post(
            team.org().path("members/"),
            Map.of("username", team.dave().username(), "role", "member")));
    check(ada.patch(team.org().path("members/" + team.dave().id() + "/"), Map.of("role", "admin")));
    check(ada.delete(team.org().path("members/" + team.dave().id() + "/")));
    check(ada.delete(team.org().path("members/" + team.ada().id() + "/")));
    Response created =
        api.as(team.bob().token())
            .post(
                team.org().path("tasks/"),
                Map.of("title", "Doc", "assigned_to", team.carol().id()));
    check(created);
    String task = team.org().path("tasks/" + created.json().get("id").asText() + "/");
    check(ada.get(team.org().path("tasks/")));
    check(ada.get(task));
    check(
        api.as(team.carol().token())
            .patch(task, Map.of("status", "done", "due_date", "2026-04-01")));
    check(api.as(team.erin().token()).patch(task, Map.of("title", "Mine")));
    check(ada.get(task + "history/"));
    Response unassigned =
        api.as(team.bob().token()).post(team.org().path("tasks/"), Map.of("title", "Nobody's"));
    check(unassigned);
    check(ada.get(team.org().path("tasks/")));
    check(api.as(team.dave().token()).get(task));
    check(ada.delete(task));
  }

  @Test
  void exportAnswersMatchTheDocument() {
    Team team = orgs.aTeam();
    orgs.aTask(team.org(), team.bob(), team.carol(), "Doc");
    var ada = api.as(team.ada().token());
    String exports = team.org().path("exports/");
    check(ada.post(exports, Map.of("format", "xml")));
    check(api.as(team.bob().token()).post(exports, Map.of("format", "csv")));
    for (String format : List.of("csv", "json")) {
      Response requested = ada.post(exports, Map.of("format", format, "status", "todo"));
      check(requested);
      String export = requested.header("Location");
      check(ada.get(export));
      check(ada.get(export + "download/"));
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .until(() -> ada.get(export).json().get("status").asText().equals("done"));
      check(ada.get(export));
      check(ada.get(export + "download/"));
    }
    check(ada.get(exports + java.util.UUID.randomUUID() + "/download/"));
  }

  @Test
  void articleCommentAndModerationAnswersMatchTheDocument() {
    TestUser author = users.aRegisteredUser("author");
    TestUser staff = users.aStaffUser();
    var as = api.as(author.token());
    Response draft =
        as.post(
            "/api/v1/articles/", Map.of("title", "Doc", "body", "Text", "tags", List.of("A b")));
    check(draft);
    check(
        as.post("/api/v1/articles/", Map.of("title", "Doc", "body", "Text", "tags", List.of(" "))));
    String article = "/api/v1/articles/" + draft.json().get("id").asText() + "/";
    check(api.get(article));
    check(as.patch(article, Map.of("title", "Doc 2")));
    check(as.post(article + "publish/", Map.of()));
    check(api.get("/api/v1/articles/"));
    check(api.get(article));
    Response comment = api.as(staff.token()).post(article + "comments/", Map.of("body", "Nice."));
    check(comment);
    check(api.get(article + "comments/"));
    check(api.as(staff.token()).get("/api/v1/moderation/comments/"));
    String moderation = "/api/v1/moderation/comments/" + comment.json().get("id").asText() + "/";
    check(api.as(staff.token()).post(moderation + "approve/", Map.of()));
    check(api.as(staff.token()).post(moderation + "reject/", Map.of("reason", "Off topic")));
    check(as.post(moderation + "approve/", Map.of()));
    check(as.delete(article));
  }

  @Test
  void auditAnswersMatchTheDocument() {
    Team team = orgs.aTeam();
    orgs.aTask(team.org(), team.bob(), null, "Audited");
    TestUser staff = users.aStaffUser();
    String audit = team.org().path("audit/");
    check(api.as(team.ada().token()).get(audit));
    check(api.as(team.ada().token()).get(audit + "?type=task.created&limit=2"));
    check(api.as(team.ada().token()).get(audit + "?after=x&type=nope"));
    check(api.as(team.bob().token()).get(audit));
    check(api.as(staff.token()).get("/api/v1/admin/events/?limit=3"));
    check(api.as(team.ada().token()).get("/api/v1/admin/events/"));
  }

  @Test
  void controllerPlumbingIsNotDocumentedAsParameters() {
    assertThat(document.get("paths").findValues("parameters"))
        .allSatisfy(
            parameters ->
                assertThat(parameters.findValuesAsText("name"))
                    .doesNotContain("access", "user", "viewer", "response"));
    assertThat(document.at("/components/schemas").has("OrgAccess")).isFalse();
  }

  private void check(Response response) {
    SimpleResponse.Builder builder =
        SimpleResponse.Builder.status(response.status()).withBody(response.text());
    response.raw().headers().map().forEach((name, values) -> builder.withHeader(name, values));
    ValidationReport report =
        validator.validateResponse(
            response.path().split("\\?", 2)[0],
            Request.Method.valueOf(response.method()),
            builder.build());
    assertThat(report.getMessages()).as(response + " against the OpenAPI document").isEmpty();
  }
}
