package io.quire.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Values derived from the schemas of an OpenAPI document: valid ones (every required property, the
 * types, formats, enums, lengths and bounds the schema gives) and broken ones (a wrong type, a
 * missing or unknown property, one character too many, odd Unicode, numbers no field can hold).
 */
final class SchemaValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Text that is valid UTF-8 but unusual: accents, CJK, an emoji, right-to-left, combining. */
  private static final List<String> UNICODE =
      List.of("é", "中文", "😀", "\u202Eevil", "e\u0301", "ß", "Ω", "𝔘");

  private final JsonNode document;

  SchemaValues(JsonNode document) {
    this.document = document;
  }

  /** The schema itself, with {@code $ref}s to {@code #/components/schemas/...} followed. */
  JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
      current = document.at(current.get("$ref").asText().substring(1));
    }
    if (current != null && current.has("allOf") && current.get("allOf").size() == 1) {
      return resolve(current.get("allOf").get(0));
    }
    return current;
  }

  /** A value the schema accepts. */
  JsonNode valid(JsonNode schema, Dice dice, int depth) {
    JsonNode s = resolve(schema);
    if (s == null || s.isMissingNode()) {
      return NODES.textNode("x");
    }
    if (s.has("enum")) {
      return s.get("enum").get(dice.below(s.get("enum").size()));
    }
    switch (type(s)) {
      case "string":
        return NODES.textNode(text(s, dice));
      case "integer":
        return NODES.numberNode(
            dice.between(
                s.path("minimum").asLong(0), s.has("maximum") ? s.get("maximum").asLong() : 1000));
      case "number":
        return NODES.numberNode(dice.between(0, 1000) / 4.0);
      case "boolean":
        return NODES.booleanNode(dice.oneIn(2));
      case "array":
        {
          ArrayNode array = NODES.arrayNode();
          int min = s.path("minItems").asInt(0);
          int max = Math.min(s.path("maxItems").asInt(3), min + 3);
          long size = depth > 3 ? min : dice.between(min, Math.max(min, max));
          for (int i = 0; i < size; i++) {
            array.add(valid(s.path("items"), dice, depth + 1));
          }
          return array;
        }
      default:
        {
          ObjectNode object = NODES.objectNode();
          List<String> required = required(s);
          for (Iterator<String> names = s.path("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode property = resolve(s.get("properties").get(name));
            if (property.path("readOnly").asBoolean(false)) {
              continue;
            }
            if (required.contains(name) || (depth < 3 && dice.oneIn(2))) {
              object.set(name, valid(property, dice, depth + 1));
            }
          }
          return object;
        }
    }
  }

  /** The body of a request made invalid in one way, as text (it may not be JSON at all). */
  String broken(JsonNode schema, Dice dice) {
    JsonNode s = resolve(schema);
    JsonNode good = valid(s, dice, 0);
    switch (dice.below(9)) {
      case 0:
        return withProperty(good, s, dice, wrongType(s, dice));
      case 1:
        {
          List<String> required = required(s);
          if (good instanceof ObjectNode object && !required.isEmpty()) {
            object.remove(dice.pick(required));
          }
          return good.toString();
        }
      case 2:
        {
          if (good instanceof ObjectNode object) {
            object.put("status", "done");
            object.put("unknown_" + dice.below(100), 1);
          }
          return good.toString();
        }
      case 3:
        return withProperty(good, s, dice, tooLong(s, dice));
      case 4:
        return withProperty(
            good, s, dice, NODES.textNode(dice.pick(UNICODE) + "\u0000" + dice.pick(UNICODE)));
      case 5:
        return good.toString().replaceFirst("\\{", "{\"x\": \"\\\\ud800\", ");
      case 6:
        {
          String text = good.toString();
          return text.substring(0, dice.below(Math.max(1, text.length())));
        }
      case 7:
        return dice.pick(List.of("null", "[]", "\"text\"", "42", "{\"a\":1}{\"a\":2}", ""));
      default:
        return withProperty(
            good,
            s,
            dice,
            NODES.numberNode(
                new java.math.BigDecimal(
                    dice.pick(
                        List.of(
                            "1e400", "-99999999999999999999999", "9223372036854775808", "1.5")))));
    }
  }

  /** A query or path value broken in one way. */
  String brokenText(Dice dice) {
    return dice.pick(
        List.of(
            "",
            "-1",
            "0",
            "abc",
            "9223372036854775808",
            "1e400",
            "%00",
            "%FF%FE",
            "%E2%80%AE",
            "x".repeat(300),
            "2026-13-45",
            "not-a-uuid",
            "%25%25",
            "..%2F..%2F"));
  }

  /** A valid value as query text. */
  String validText(JsonNode schema, Dice dice) {
    JsonNode value = valid(schema, dice, 0);
    return value.isTextual() ? value.asText() : value.toString();
  }

  private String withProperty(JsonNode good, JsonNode schema, Dice dice, JsonNode replacement) {
    if (good instanceof ObjectNode object && schema.has("properties")) {
      List<String> names = new ArrayList<>();
      schema.get("properties").fieldNames().forEachRemaining(names::add);
      if (!names.isEmpty()) {
        object.set(dice.pick(names), replacement);
      }
    }
    return good.toString();
  }

  private JsonNode wrongType(JsonNode schema, Dice dice) {
    return dice.pick(
        List.of(
            NODES.numberNode(123),
            NODES.textNode("not a number"),
            NODES.booleanNode(true),
            NODES.arrayNode().add(1),
            NODES.objectNode().put("a", 1),
            NODES.nullNode()));
  }

  private JsonNode tooLong(JsonNode schema, Dice dice) {
    return NODES.textNode(dice.pick(UNICODE).repeat(dice.pick(List.of(101, 201, 256, 5001))));
  }

  private static List<String> required(JsonNode schema) {
    List<String> names = new ArrayList<>();
    schema.path("required").forEach(name -> names.add(name.asText()));
    return names;
  }

  private static String type(JsonNode schema) {
    if (schema.has("type")) {
      return schema.get("type").asText();
    }
    return schema.has("properties") ? "object" : "string";
  }

  private static String text(JsonNode schema, Dice dice) {
    String format = schema.path("format").asText("");
    switch (format) {
      case "uuid":
        return new UUID(dice.between(0, Long.MAX_VALUE), dice.between(0, Long.MAX_VALUE))
            .toString();
      case "date":
        return LocalDate.of(2026, 1, 1).plusDays(dice.between(0, 400)).toString();
      case "date-time":
        return "2026-03-" + (10 + dice.below(18)) + "T12:00:00Z";
      case "email":
        return "fuzz" + dice.below(100000) + "@example.com";
      default:
        break;
    }
    int min = schema.path("minLength").asInt(1);
    int max = Math.min(schema.path("maxLength").asInt(30), Math.max(min, 30));
    long length = dice.between(Math.max(1, min), Math.max(Math.max(1, min), max));
    boolean plain = schema.has("pattern");
    StringBuilder text = new StringBuilder();
    while (text.codePointCount(0, text.length()) < length) {
      if (!plain && dice.oneIn(8)) {
        text.appendCodePoint(dice.pick(UNICODE).codePointAt(0));
      } else {
        text.append((char) ('a' + dice.below(26)));
      }
    }
    return text.toString();
  }
}
