package io.quire.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.testing.Articles;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.TestOrg;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import io.quire.api.testing.Webhooks;
import io.quire.kernel.orgs.Role;
import io.quire.testsupport.Seeded;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.quicktheories.core.Gen;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Schema-driven fuzzing, in the spirit of Schemathesis: for every operation of the served OpenAPI
 * document, QuickTheories derives requests from the document's schemas (valid ones, and ones broken
 * in one way: a wrong type, a missing or unknown field, one character too many, odd Unicode,
 * numbers no field holds, malformed JSON, a wrong content type, a wrong or missing token, a path or
 * query value that is not one) and sends them, with a real staff token that is also the admin of a
 * real org and the author of a real article, to the running application. Every answer must be no
 * 5xx, a status the document lists for the operation, a body that matches the document's schema for
 * it, and, for an error, the envelope.
 *
 * <p>{@value #DEFAULT_EXAMPLES} requests per operation in the default build; a deep run: {@code
 * ./mvnw -pl api -am verify -Dtest=OpenApiFuzzIntegrationProperties -Dquire.fuzz.examples=500
 * -Dsurefire.failIfNoSpecifiedTests=false}. A falsified property prints its seed; {@code
 * -Dtest.seed=} replays it.
 */
@IntegrationTest
class OpenApiFuzzIntegrationProperties {

  static final int DEFAULT_EXAMPLES = 12;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired Articles articles;
  @Autowired Webhooks webhooks;

  private JsonNode document;
  private OpenApiInteractionValidator validator;
  private SchemaValues values;
  private TestUser staff;
  private Map<String, String> pathValues;

  @BeforeEach
  void aWorldToFuzz() {
    Response schema = api.get("/api/schema/");
    document = schema.json();
    validator = OpenApiInteractionValidator.createForInlineApiSpecification(schema.text()).build();
    values = new SchemaValues(document);
    staff = users.aStaffUser();
    TestOrg org = orgs.anOrgAdministeredBy(staff);
    TestUser member = users.aRegisteredUser("fuzzed");
    orgs.join(org, member, Role.MEMBER, staff);
    String task = orgs.aTask(org, staff, member, "Fuzzed");
    String article = articles.aPublishedArticle(staff);
    String comment = articles.aPendingComment(article, member);
    pathValues = new LinkedHashMap<>();
    pathValues.put("slug", org.slug());
    pathValues.put("userId", member.id());
    pathValues.put("taskId", task);
    pathValues.put("articleId", article);
    pathValues.put("commentId", comment);
    pathValues.put("integrationId", webhooks.anIntegrationOf(org, staff).id().toString());
    pathValues.put(
        "exportId",
        api.as(staff.token())
            .post(org.path("exports/"), Map.of("format", "csv"))
            .json()
            .get("id")
            .asText());
  }

  @TestFactory
  Stream<DynamicTest> everyOperationAnswersWhatTheDocumentSaysToAnyRequest() {
    int examples = Integer.getInteger("quire.fuzz.examples", DEFAULT_EXAMPLES);
    List<DynamicTest> tests = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode operation = path.getValue().get(method);
        if (operation == null) {
          continue;
        }
        Operation op = new Operation(method.toUpperCase(), path.getKey(), operation);
        tests.add(
            DynamicTest.dynamicTest(
                op.method() + " " + op.path(),
                () -> {
                  Map<Integer, Integer> statuses = new java.util.TreeMap<>();
                  Seeded.qt()
                      .withExamples(examples)
                      .withShrinkCycles(20)
                      .forAll(requests(op))
                      .checkAssert(
                          sent -> statuses.merge(answersAsDocumented(sent), 1, Integer::sum));
                  // What the tries were answered, in the test's output: a fuzzer that only ever
                  // met 401s or 404s would show it here.
                  System.out.println(op.method() + " " + op.path() + ": " + statuses);
                }));
      }
    }
    return tests.stream();
  }

  /** One operation of the document. */
  record Operation(String method, String path, JsonNode spec) {}

  /** What is sent. */
  record Sent(Operation op, String uri, String token, String contentType, String body) {
    @Override
    public String toString() {
      return op.method()
          + " "
          + uri
          + " token="
          + (token == null ? "none" : token.length() > 20 ? "staff" : token)
          + " content-type="
          + contentType
          + " body="
          + body;
    }
  }

  private Gen<Sent> requests(Operation op) {
    return source -> {
      Dice dice = new Dice(source);
      boolean breakSomething = dice.oneIn(2);
      int broken = breakSomething ? dice.below(4) : -1;
      String uri = op.path();
      for (Iterator<String> names = pathNames(op).iterator(); names.hasNext(); ) {
        String name = names.next();
        String value = pathValues.getOrDefault(name, "00000000-0000-0000-0000-000000000000");
        if (broken == 0 && dice.oneIn(2)) {
          value = dice.oneIn(2) ? values.brokenText(dice) : java.util.UUID.randomUUID().toString();
        }
        uri = uri.replace("{" + name + "}", value);
      }
      StringBuilder query = new StringBuilder();
      for (JsonNode parameter : op.spec().path("parameters")) {
        JsonNode p = values.resolve(parameter);
        if (!"query".equals(p.path("in").asText()) || dice.oneIn(2)) {
          continue;
        }
        String value =
            broken == 1 && dice.oneIn(2)
                ? values.brokenText(dice)
                : java.net.URLEncoder.encode(
                    values.validText(p.path("schema"), dice),
                    java.nio.charset.StandardCharsets.UTF_8);
        query
            .append(query.length() == 0 ? "?" : "&")
            .append(p.path("name").asText())
            .append('=')
            .append(value);
      }
      String token = staff.token();
      if (broken == 2) {
        token = dice.oneIn(2) ? null : "not-a-token-" + dice.below(1000);
      }
      JsonNode body = op.spec().at("/requestBody/content/application~1json/schema");
      String contentType = null;
      String text = null;
      if (!body.isMissingNode()) {
        contentType = "application/json";
        if (broken == 3) {
          text = values.broken(body, dice);
          if (dice.oneIn(4)) {
            contentType =
                dice.pick(
                    List.of("text/plain", "application/xml", "application/x-www-form-urlencoded"));
          }
        } else {
          text = values.valid(body, dice, 0).toString();
        }
      }
      return new Sent(op, uri + query, token, contentType, text);
    };
  }

  private static List<String> pathNames(Operation op) {
    List<String> names = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(op.path());
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Sends {@code sent} and checks the answer against the document; answers its status. */
  int answersAsDocumented(Sent sent) {
    HttpApi.Request request =
        api.request(sent.op().method(), sent.uri()).header("Accept", "application/json");
    if (sent.token() != null) {
      request.token(sent.token());
    }
    if (sent.body() != null) {
      request.body(sent.contentType(), sent.body());
    }
    Response answer = request.send();
    int status = answer.status();
    JsonNode responses = sent.op().spec().path("responses");

    assertThat(status).as("%s answered %s", sent, answer.text()).isLessThan(500);
    assertThat(responses.has(String.valueOf(status)) || responses.has("default"))
        .as(
            "%s answered %d, which the document does not list (%s): %s",
            sent, status, fieldNames(responses), answer.text())
        .isTrue();
    String contentType = answer.header("Content-Type");
    if (status >= 400) {
      assertThat(contentType).as("%s: %d", sent, status).startsWith("application/json");
      JsonNode error = json(answer).path("error");
      assertThat(
              error.path("code").isTextual()
                  && error.path("message").isTextual()
                  && error.path("details").isObject())
          .as("%s: the envelope, not %s", sent, answer.text())
          .isTrue();
    }
    if (contentType != null && contentType.startsWith("application/json")) {
      SimpleResponse.Builder response =
          SimpleResponse.Builder.status(status)
              .withContentType("application/json")
              .withBody(answer.text());
      ValidationReport report =
          validator.validateResponse(
              // The operation's own path with valid values: a broken path value (an empty
              // segment, say) would otherwise match no operation of the document.
              validPath(sent.op()), Request.Method.valueOf(sent.op().method()), response.build());
      assertThat(report.getMessages())
          .as("%s answered %d %s, which does not match the document", sent, status, answer.text())
          .filteredOn(m -> m.getLevel() == ValidationReport.Level.ERROR)
          .isEmpty();
    }
    return status;
  }

  @org.junit.jupiter.api.Test
  void theCheckRefusesAnAnswerTheDocumentDoesNotListOrThatIsNotTheEnvelope() {
    JsonNode onlyOk =
        JSON.createObjectNode()
            .set("responses", JSON.createObjectNode().set("200", JSON.createObjectNode()));
    Operation undocumented = new Operation("GET", "/api/v1/no-such-path/", onlyOk);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                answersAsDocumented(
                    new Sent(undocumented, "/api/v1/no-such-path/", staff.token(), null, null)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("which the document does not list");
    Operation livez = new Operation("GET", "/livez/", document.at("/paths/~1livez~1/get"));
    assertThat(answersAsDocumented(new Sent(livez, "/livez/", null, null, null))).isEqualTo(200);
  }

  private String validPath(Operation op) {
    String path = op.path();
    for (String name : pathNames(op)) {
      path =
          path.replace(
              "{" + name + "}",
              pathValues.getOrDefault(name, "00000000-0000-0000-0000-000000000000"));
    }
    return path;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode json(Response answer) {
    try {
      return JSON.readTree(answer.text());
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }
}
