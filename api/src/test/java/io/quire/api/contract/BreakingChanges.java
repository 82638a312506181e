package io.quire.api.contract;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small structural diff of two OpenAPI 3.0 documents: what a client of the {@code baseline} (the
 * committed {@code docs/openapi.json}) would lose with the {@code served} one.
 *
 * <p>Breaking: a removed path, operation or status code; a removed field of a response body (at any
 * depth: through {@code $ref}, {@code allOf}/{@code oneOf}/{@code anyOf}, array items and map
 * values), or a removed response media type; a request field or parameter that is required now and
 * was not (or did not exist), and a request body that became required. Additions (paths,
 * operations, status codes, response fields, optional request fields and parameters) are reported
 * separately and never break anything. Everything else (descriptions, examples, formats) is not
 * compared; {@link OpenApiJson#canonical} tells whether the text differs at all.
 *
 * <p>Only local references ({@code #/...}) are resolved: the served document has no others.
 */
public final class BreakingChanges {

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** Deep enough for any real body; stops a walk through two differently shaped cycles. */
  private static final int MAX_DEPTH = 64;

  /** The kinds of change, each breaking or an addition. */
  public enum Kind {
    PATH_REMOVED("removed path", true),
    OPERATION_REMOVED("removed operation", true),
    STATUS_REMOVED("removed status code", true),
    RESPONSE_MEDIA_TYPE_REMOVED("removed response media type", true),
    RESPONSE_FIELD_REMOVED("removed response field", true),
    REQUEST_BODY_NEWLY_REQUIRED("newly required request body", true),
    REQUEST_FIELD_NEWLY_REQUIRED("newly required request field", true),
    PARAMETER_NEWLY_REQUIRED("newly required parameter", true),
    PATH_ADDED("added path", false),
    OPERATION_ADDED("added operation", false),
    STATUS_ADDED("added status code", false),
    RESPONSE_FIELD_ADDED("added response field", false),
    REQUEST_FIELD_ADDED("added optional request field", false),
    PARAMETER_ADDED("added optional parameter", false);

    private final String label;
    private final boolean breaking;

    Kind(String label, boolean breaking) {
      this.label = label;
      this.breaking = breaking;
    }

    public boolean breaking() {
      return breaking;
    }
  }

  /** One change: its kind and where, e.g. {@code GET /api/v1/orgs/ 200 application/json: name}. */
  public record Change(Kind kind, String where) {
    @Override
    public String toString() {
      return kind.label + ": " + where;
    }
  }

  /** The changes found, breaking ones and additions apart, in document order. */
  public record Report(List<Change> breaking, List<Change> additions) {
    public boolean isBreaking() {
      return !breaking.isEmpty();
    }
  }

  private final JsonNode baselineDocument;
  private final JsonNode servedDocument;
  private final List<Change> breaking = new ArrayList<>();
  private final List<Change> additions = new ArrayList<>();

  private BreakingChanges(JsonNode baseline, JsonNode served) {
    this.baselineDocument = baseline;
    this.servedDocument = served;
  }

  /** What the served document breaks, and adds, for clients of the baseline. */
  public static Report compare(JsonNode baseline, JsonNode served) {
    BreakingChanges diff = new BreakingChanges(baseline, served);
    diff.paths();
    return new Report(List.copyOf(diff.breaking), List.copyOf(diff.additions));
  }

  private void record(Kind kind, String where) {
    (kind.breaking() ? breaking : additions).add(new Change(kind, where));
  }

  private void paths() {
    JsonNode basePaths = baselineDocument.path("paths");
    JsonNode servedPaths = servedDocument.path("paths");
    for (String path : names(basePaths)) {
      if (!servedPaths.has(path)) {
        record(Kind.PATH_REMOVED, path);
        continue;
      }
      JsonNode baseItem = resolve(baselineDocument, basePaths.get(path));
      JsonNode servedItem = resolve(servedDocument, servedPaths.get(path));
      for (String method : METHODS) {
        String where = method.toUpperCase() + " " + path;
        if (baseItem.has(method) && !servedItem.has(method)) {
          record(Kind.OPERATION_REMOVED, where);
        } else if (baseItem.has(method)) {
          operation(where, baseItem, servedItem, method);
        } else if (servedItem.has(method)) {
          record(Kind.OPERATION_ADDED, where);
        }
      }
    }
    for (String path : names(servedPaths)) {
      if (!basePaths.has(path)) {
        record(Kind.PATH_ADDED, path);
      }
    }
  }

  private void operation(String where, JsonNode baseItem, JsonNode servedItem, String method) {
    JsonNode base = baseItem.get(method);
    JsonNode served = servedItem.get(method);
    parameters(
        where,
        parameters(baselineDocument, baseItem, base),
        parameters(servedDocument, servedItem, served));
    requestBody(where, base.path("requestBody"), served.path("requestBody"));
    JsonNode baseResponses = base.path("responses");
    JsonNode servedResponses = served.path("responses");
    for (String status : names(baseResponses)) {
      if (!servedResponses.has(status)) {
        record(Kind.STATUS_REMOVED, where + " " + status);
        continue;
      }
      JsonNode baseContent = resolve(baselineDocument, baseResponses.get(status)).path("content");
      JsonNode servedContent = resolve(servedDocument, servedResponses.get(status)).path("content");
      for (String mediaType : names(baseContent)) {
        String at = where + " " + status + " " + mediaType;
        if (!servedContent.has(mediaType)) {
          record(Kind.RESPONSE_MEDIA_TYPE_REMOVED, at);
        } else {
          responseSchema(
              at,
              "",
              baseContent.get(mediaType).path("schema"),
              servedContent.get(mediaType).path("schema"),
              new HashSet<>(),
              0);
        }
      }
    }
    for (String status : names(servedResponses)) {
      if (!baseResponses.has(status)) {
        record(Kind.STATUS_ADDED, where + " " + status);
      }
    }
  }

  /** Parameters by {@code in} and name, the operation's over its path item's. */
  private static Map<String, JsonNode> parameters(JsonNode document, JsonNode item, JsonNode op) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
      for (JsonNode parameter : list) {
        JsonNode resolved = resolve(document, parameter);
        byKey.put(resolved.path("in").asText() + " " + resolved.path("name").asText(), resolved);
      }
    }
    return byKey;
  }

  private void parameters(String where, Map<String, JsonNode> base, Map<String, JsonNode> served) {
    served.forEach(
        (key, parameter) -> {
          boolean required = parameter.path("required").asBoolean(false);
          JsonNode before = base.get(key);
          if (required && (before == null || !before.path("required").asBoolean(false))) {
            record(Kind.PARAMETER_NEWLY_REQUIRED, where + " " + key);
          } else if (before == null) {
            record(Kind.PARAMETER_ADDED, where + " " + key);
          }
        });
  }

  private void requestBody(String where, JsonNode baseBody, JsonNode servedBody) {
    if (servedBody.isMissingNode()) {
      return;
    }
    JsonNode base = resolve(baselineDocument, baseBody);
    JsonNode served = resolve(servedDocument, servedBody);
    if (served.path("required").asBoolean(false)
        && (base.isMissingNode() || !base.path("required").asBoolean(false))) {
      record(Kind.REQUEST_BODY_NEWLY_REQUIRED, where);
    }
    JsonNode servedContent = served.path("content");
    for (String mediaType : names(servedContent)) {
      JsonNode baseSchema = base.path("content").path(mediaType).path("schema");
      if (!baseSchema.isMissingNode()) {
        requestSchema(
            where + " " + mediaType,
            "",
            baseSchema,
            servedContent.get(mediaType).path("schema"),
            new HashSet<>(),
            0);
      }
    }
  }

  /** Every field the baseline answers must still be answered. */
  private void responseSchema(
      String where,
      String field,
      JsonNode base,
      JsonNode served,
      Set<String> comparing,
      int depth) {
    if (depth > MAX_DEPTH || !enter(comparing, base, served)) {
      return;
    }
    Shape before = shape(baselineDocument, base);
    Shape after = shape(servedDocument, served);
    before.properties.forEach(
        (name, schema) -> {
          String at = field + name;
          if (!after.properties.containsKey(name)) {
            record(Kind.RESPONSE_FIELD_REMOVED, where + ": " + at);
          } else {
            responseSchema(
                where, at + ".", schema, after.properties.get(name), comparing, depth + 1);
          }
        });
    after.properties.keySet().stream()
        .filter(name -> !before.properties.containsKey(name))
        .forEach(name -> record(Kind.RESPONSE_FIELD_ADDED, where + ": " + field + name));
    if (before.items != null && after.items != null) {
      responseSchema(where, trim(field) + "[].", before.items, after.items, comparing, depth + 1);
    }
    if (before.values != null && after.values != null) {
      responseSchema(
          where, trim(field) + "{*}.", before.values, after.values, comparing, depth + 1);
    }
    leave(comparing, base, served);
  }

  /** Nothing the baseline let a client leave out may be required now. */
  private void requestSchema(
      String where,
      String field,
      JsonNode base,
      JsonNode served,
      Set<String> comparing,
      int depth) {
    if (depth > MAX_DEPTH || !enter(comparing, base, served)) {
      return;
    }
    Shape before = shape(baselineDocument, base);
    Shape after = shape(servedDocument, served);
    after.properties.forEach(
        (name, schema) -> {
          String at = field + name;
          boolean existed = before.properties.containsKey(name);
          if (after.required.contains(name) && !before.required.contains(name)) {
            record(Kind.REQUEST_FIELD_NEWLY_REQUIRED, where + ": " + at);
          } else if (!existed) {
            record(Kind.REQUEST_FIELD_ADDED, where + ": " + at);
          }
          if (existed) {
            // Inside a field that is new, nothing can break: the baseline's clients never send it.
            requestSchema(
                where, at + ".", before.properties.get(name), schema, comparing, depth + 1);
          }
        });
    // A name required without a property of its own (allowed by JSON Schema) counts too.
    after.required.stream()
        .filter(name -> !after.properties.containsKey(name) && !before.required.contains(name))
        .forEach(name -> record(Kind.REQUEST_FIELD_NEWLY_REQUIRED, where + ": " + field + name));
    if (before.items != null && after.items != null) {
      requestSchema(where, trim(field) + "[].", before.items, after.items, comparing, depth + 1);
    }
    if (before.values != null && after.values != null) {
      requestSchema(where, trim(field) + "{*}.", before.values, after.values, comparing, depth + 1);
    }
    leave(comparing, base, served);
  }

  /**
   * False when this pair of references is already being compared further up (a recursive schema).
   * The pair is taken off again by {@link #leave} once its comparison is done, so that every other
   * place that reaches the same schemas is compared too.
   */
  private static boolean enter(Set<String> comparing, JsonNode base, JsonNode served) {
    return !base.has("$ref") || !served.has("$ref") || comparing.add(pair(base, served));
  }

  private static void leave(Set<String> comparing, JsonNode base, JsonNode served) {
    if (base.has("$ref") && served.has("$ref")) {
      comparing.remove(pair(base, served));
    }
  }

  private static String pair(JsonNode base, JsonNode served) {
    return base.get("$ref").asText() + " | " + served.get("$ref").asText();
  }

  /** A schema's properties, required names, array items and map values, across compositions. */
  private static final class Shape {
    final Map<String, JsonNode> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    JsonNode items;
    JsonNode values;
  }

  private static Shape shape(JsonNode document, JsonNode schema) {
    Shape shape = new Shape();
    collect(document, schema, shape, new HashSet<>(), true);
    return shape;
  }

  private static void collect(
      JsonNode document, JsonNode schema, Shape shape, Set<String> refs, boolean requiredCounts) {
    if (schema.has("$ref") && !refs.add(schema.get("$ref").asText())) {
      return;
    }
    JsonNode resolved = resolve(document, schema);
    resolved
        .path("properties")
        .fields()
        .forEachRemaining(field -> shape.properties.putIfAbsent(field.getKey(), field.getValue()));
    if (requiredCounts) {
      resolved.path("required").forEach(name -> shape.required.add(name.asText()));
    }
    if (resolved.has("items") && shape.items == null) {
      shape.items = resolved.get("items");
    }
    if (resolved.path("additionalProperties").isObject() && shape.values == null) {
      shape.values = resolved.get("additionalProperties");
    }
    // allOf: every part applies. oneOf/anyOf: a field of any alternative may be answered, but
    // only what every alternative requires is certainly required; counted as not required.
    resolved.path("allOf").forEach(part -> collect(document, part, shape, refs, requiredCounts));
    for (String alternatives : List.of("oneOf", "anyOf")) {
      resolved.path(alternatives).forEach(part -> collect(document, part, shape, refs, false));
    }
  }

  /** Follows local {@code $ref}s to the node they name. */
  static JsonNode resolve(JsonNode document, JsonNode node) {
    JsonNode current = node;
    Set<String> followed = new HashSet<>();
    while (current.has("$ref")) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("Only local references are supported: " + ref);
      }
      if (!followed.add(ref)) {
        throw new IllegalArgumentException("A reference names itself: " + ref);
      }
      current = document.at(JsonPointer.compile(ref.substring(1)));
      if (current.isMissingNode()) {
        throw new IllegalArgumentException("A reference to nothing: " + ref);
      }
    }
    return current;
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String trim(String field) {
    return field.endsWith(".") ? field.substring(0, field.length() - 1) : field;
  }
}
