package io.quire.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.api.contract.BreakingChanges.Change;
import io.quire.api.contract.BreakingChanges.Kind;
import io.quire.api.contract.BreakingChanges.Report;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The breaking-change check on small hand-made documents: each kind of break, and additions. */
class BreakingChangesTest {

  /**
   * Two paths, a list with a page of things, a recursive schema, a nullable reference, a request
   * body with a nested object, and a shared error schema.
   */
  private static final String BASELINE =
      """
      {
        "openapi": "3.0.1",
        "info": {"title": "Things", "version": "v1"},
        "paths": {
          "/things/": {
            "get": {
              "parameters": [
                {"name": "page", "in": "query", "required": false, "schema": {"type": "integer"}}
              ],
              "responses": {
                "200": {"description": "A page",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingPage"}}}},
                "404": {"description": "Error",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
              }
            },
            "post": {
              "requestBody": {"required": true,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewThing"}}}},
              "responses": {
                "201": {"description": "Made",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
              }
            }
          },
          "/things/{id}/": {
            "get": {
              "parameters": [
                {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}
              ],
              "responses": {
                "200": {"description": "A thing",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
              }
            }
          }
        },
        "components": {
          "schemas": {
            "Thing": {"type": "object", "properties": {
              "id": {"type": "string"},
              "name": {"type": "string"},
              "owner": {"type": "object", "nullable": true,
                "allOf": [{"$ref": "#/components/schemas/User"}]},
              "parent": {"$ref": "#/components/schemas/Thing"}
            }},
            "User": {"type": "object", "properties": {
              "id": {"type": "string"},
              "username": {"type": "string"}
            }},
            "ThingPage": {"type": "object", "properties": {
              "count": {"type": "integer"},
              "results": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}
            }},
            "NewThing": {"type": "object", "required": ["name"], "properties": {
              "name": {"type": "string"},
              "note": {"type": "string"},
              "details": {"type": "object", "properties": {"color": {"type": "string"}}}
            }},
            "Error": {"type": "object", "properties": {"code": {"type": "string"}}}
          }
        }
      }
      """;

  private static JsonNode baseline() {
    return OpenApiJson.parse(BASELINE);
  }

  /** The baseline with one edit, made on the object at the JSON pointer. */
  private static JsonNode served(String pointer, Consumer<ObjectNode> edit) {
    JsonNode document = baseline();
    edit.accept((ObjectNode) document.at(pointer));
    return document;
  }

  private static Report against(JsonNode served) {
    return BreakingChanges.compare(baseline(), served);
  }

  private static final String THING = "/components/schemas/Thing/properties";

  @Test
  void theSameDocumentChangesNothingEvenWithARecursiveSchema() {
    Report report = against(baseline());

    assertThat(report.breaking()).isEmpty();
    assertThat(report.additions()).isEmpty();
  }

  @Test
  void aRemovedPathBreaks() {
    Report report = against(served("/paths", paths -> paths.remove("/things/{id}/")));

    assertThat(report.breaking()).containsExactly(new Change(Kind.PATH_REMOVED, "/things/{id}/"));
  }

  @Test
  void aRemovedOperationBreaks() {
    Report report = against(served("/paths/~1things~1", item -> item.remove("post")));

    assertThat(report.breaking())
        .containsExactly(new Change(Kind.OPERATION_REMOVED, "POST /things/"));
  }

  @Test
  void aRemovedStatusCodeBreaks() {
    Report report =
        against(served("/paths/~1things~1/get/responses", responses -> responses.remove("404")));

    assertThat(report.breaking())
        .containsExactly(new Change(Kind.STATUS_REMOVED, "GET /things/ 404"));
  }

  @Test
  void aRemovedResponseMediaTypeBreaks() {
    Report report =
        against(
            served(
                "/paths/~1things~1{id}~1/get/responses/200/content",
                content -> content.set("text/csv", content.remove("application/json"))));

    assertThat(report.breaking())
        .containsExactly(
            new Change(Kind.RESPONSE_MEDIA_TYPE_REMOVED, "GET /things/{id}/ 200 application/json"));
  }

  @Test
  void aRemovedResponseFieldBreaksWhereverAResponseReachesIt() {
    // Once per place a response reaches it: Thing.parent is Thing again, reported at Thing.
    Report report = against(served(THING, thing -> thing.remove("name")));

    assertThat(report.breaking())
        .extracting(Change::kind)
        .containsOnly(Kind.RESPONSE_FIELD_REMOVED);
    assertThat(report.breaking())
        .extracting(Change::where)
        .contains(
            "GET /things/ 200 application/json: results[].name",
            "POST /things/ 201 application/json: name",
            "GET /things/{id}/ 200 application/json: name");
  }

  @Test
  void aFieldRemovedBehindANullableReferenceBreaks() {
    Report report =
        against(served("/components/schemas/User/properties", user -> user.remove("username")));

    assertThat(report.breaking())
        .contains(
            new Change(
                Kind.RESPONSE_FIELD_REMOVED,
                "GET /things/{id}/ 200 application/json: owner.username"),
            new Change(
                Kind.RESPONSE_FIELD_REMOVED,
                "GET /things/ 200 application/json: results[].owner.username"));
  }

  @Test
  void aResponseSchemaRenamedWithTheSameFieldsDoesNotBreak() {
    JsonNode served = baseline();
    ObjectNode schemas = (ObjectNode) served.at("/components/schemas");
    schemas.set("Account", schemas.remove("User"));
    ((ObjectNode) served.at(THING + "/owner/allOf/0")).put("$ref", "#/components/schemas/Account");

    Report report = against(served);

    assertThat(report.breaking()).isEmpty();
    assertThat(report.additions()).isEmpty();
  }

  @Test
  void anOptionalRequestFieldMadeRequiredBreaks() {
    Report report =
        against(
            served(
                "/components/schemas/NewThing",
                newThing -> ((ArrayNode) newThing.get("required")).add("note")));

    assertThat(report.breaking())
        .containsExactly(
            new Change(Kind.REQUEST_FIELD_NEWLY_REQUIRED, "POST /things/ application/json: note"));
  }

  @Test
  void aNewRequiredRequestFieldBreaks() {
    Report report =
        against(
            served(
                "/components/schemas/NewThing",
                newThing -> {
                  ((ObjectNode) newThing.get("properties"))
                      .putObject("size")
                      .put("type", "integer");
                  ((ArrayNode) newThing.get("required")).add("size");
                }));

    assertThat(report.breaking())
        .containsExactly(
            new Change(Kind.REQUEST_FIELD_NEWLY_REQUIRED, "POST /things/ application/json: size"));
  }

  @Test
  void aNestedRequestFieldMadeRequiredBreaks() {
    Report report =
        against(
            served(
                "/components/schemas/NewThing/properties/details",
                details -> details.putArray("required").add("color")));

    assertThat(report.breaking())
        .containsExactly(
            new Change(
                Kind.REQUEST_FIELD_NEWLY_REQUIRED,
                "POST /things/ application/json: details.color"));
  }

  @Test
  void aQueryParameterMadeRequiredOrAddedAsRequiredBreaks() {
    Report report =
        against(
            served(
                "/paths/~1things~1/get",
                get -> {
                  ArrayNode parameters = (ArrayNode) get.get("parameters");
                  ((ObjectNode) parameters.get(0)).put("required", true);
                  parameters
                      .addObject()
                      .put("name", "sort")
                      .put("in", "query")
                      .put("required", true)
                      .putObject("schema")
                      .put("type", "string");
                }));

    assertThat(report.breaking())
        .containsExactly(
            new Change(Kind.PARAMETER_NEWLY_REQUIRED, "GET /things/ query page"),
            new Change(Kind.PARAMETER_NEWLY_REQUIRED, "GET /things/ query sort"));
  }

  @Test
  void aRequestBodyWhereThereWasNoneBreaksWhenRequired() {
    Report report =
        against(
            served(
                "/paths/~1things~1{id}~1/get",
                get ->
                    get.putObject("requestBody")
                        .put("required", true)
                        .putObject("content")
                        .putObject("application/json")
                        .putObject("schema")
                        .put("type", "object")));

    assertThat(report.breaking())
        .containsExactly(new Change(Kind.REQUEST_BODY_NEWLY_REQUIRED, "GET /things/{id}/"));
  }

  @Test
  void additionsDoNotBreakAndAreListed() {
    JsonNode served = baseline();
    ObjectNode paths = (ObjectNode) served.get("paths");
    paths.set("/tags/", paths.get("/things/{id}/").deepCopy());
    ((ObjectNode) paths.get("/things/{id}/")).set("delete", paths.at("/~1things~1{id}~1/get"));
    ((ObjectNode) served.at("/paths/~1things~1/get/responses"))
        .set("400", served.at("/paths/~1things~1/get/responses/404"));
    ((ObjectNode) served.at(THING)).putObject("created_at").put("type", "string");
    ObjectNode newThing = (ObjectNode) served.at("/components/schemas/NewThing/properties");
    newThing.putObject("tags").put("type", "array").putObject("items").put("type", "string");
    // A new optional object may require its own fields: old clients never send it.
    ObjectNode size = newThing.putObject("size").put("type", "object");
    size.putObject("properties").putObject("unit").put("type", "string");
    size.putArray("required").add("unit");
    ((ArrayNode) served.at("/paths/~1things~1/get/parameters"))
        .addObject()
        .put("name", "q")
        .put("in", "query")
        .putObject("schema")
        .put("type", "string");

    Report report = against(served);

    assertThat(report.isBreaking()).isFalse();
    assertThat(report.additions())
        .contains(
            new Change(Kind.PATH_ADDED, "/tags/"),
            new Change(Kind.OPERATION_ADDED, "DELETE /things/{id}/"),
            new Change(Kind.STATUS_ADDED, "GET /things/ 400"),
            new Change(
                Kind.RESPONSE_FIELD_ADDED, "GET /things/{id}/ 200 application/json: created_at"),
            new Change(Kind.REQUEST_FIELD_ADDED, "POST /things/ application/json: tags"),
            new Change(Kind.REQUEST_FIELD_ADDED, "POST /things/ application/json: size"),
            new Change(Kind.PARAMETER_ADDED, "GET /things/ query q"));
  }

  @Test
  void aStatusCodeReplacedByAnotherIsOneBreakAndOneAddition() {
    JsonNode served =
        served(
            "/paths/~1things~1/get/responses",
            responses -> {
              responses.set("409", responses.get("404"));
              responses.remove("404");
            });

    Report report = against(served);

    assertThat(report.breaking())
        .containsExactly(new Change(Kind.STATUS_REMOVED, "GET /things/ 404"));
    assertThat(report.additions())
        .containsExactly(new Change(Kind.STATUS_ADDED, "GET /things/ 409"));
  }

  @Test
  void changesAreNamedForTheBuildMessage() {
    assertThat(List.of(new Change(Kind.RESPONSE_FIELD_REMOVED, "GET /x/ 200 application/json: a")))
        .hasToString("[removed response field: GET /x/ 200 application/json: a]");
  }
}
