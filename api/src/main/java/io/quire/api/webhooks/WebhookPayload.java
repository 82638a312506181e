package io.quire.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.errors.FieldMessages;
import io.quire.api.web.StorableText;
import io.quire.kernel.common.Characters;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.webhooks.WebhookAction;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A delivery's body, {@code {"id", "type", "occurred_at", "data"}}, read into the event it
 * announces. Like every request body, unknown fields are refused, with field errors keyed by their
 * path ({@code data.title}); for types Quire does not act on, {@code data} may be anything.
 */
record WebhookPayload(String eventId, String type, Instant occurredAt, WebhookAction action) {

  static final int MAX_EVENT_ID = 200;
  static final int MAX_TYPE = 100;
  static final int MAX_EXTERNAL_ID = 200;
  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 10_000;

  static final String TASK_CREATED = "task.created";
  static final String TASK_STATUS_CHANGED = "task.status_changed";

  private static final Set<String> ENVELOPE = Set.of("id", "type", "occurred_at", "data");
  private static final Set<String> CREATED_DATA = Set.of("external_id", "title", "description");
  private static final Set<String> STATUS_DATA = Set.of("external_id", "status");

  /** Reads the body, or answers 400 saying what is wrong with it. */
  static WebhookPayload read(byte[] body, ObjectMapper json) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      throw new ApiException(ErrorCode.MALFORMED_JSON);
    }
    if (root == null || !root.isObject()) {
      throw ApiException.invalid("non_field_errors", "Expected a JSON object.");
    }
    Problems problems = new Problems();
    problems.unknownFields(root, ENVELOPE, "");
    String id = problems.text(root, "id", "id", MAX_EVENT_ID, true);
    String type = problems.text(root, "type", "type", MAX_TYPE, true);
    Instant occurredAt = problems.instant(root, "occurred_at");
    JsonNode data = root.get("data");
    WebhookAction action = new WebhookAction.Ignore();
    if (TASK_CREATED.equals(type) || TASK_STATUS_CHANGED.equals(type)) {
      if (data == null || !data.isObject()) {
        problems.add("data", data == null ? FieldMessages.REQUIRED : "Expected a JSON object.");
      } else if (TASK_CREATED.equals(type)) {
        problems.unknownFields(data, CREATED_DATA, "data.");
        String externalId =
            problems.text(data, "external_id", "data.external_id", MAX_EXTERNAL_ID, true);
        String title = problems.text(data, "title", "data.title", MAX_TITLE, true);
        String description =
            problems.text(data, "description", "data.description", MAX_DESCRIPTION, false);
        action =
            new WebhookAction.CreateTask(
                externalId, title == null ? null : title.strip(), description);
      } else {
        problems.unknownFields(data, STATUS_DATA, "data.");
        String externalId =
            problems.text(data, "external_id", "data.external_id", MAX_EXTERNAL_ID, true);
        TaskStatus status = problems.status(data);
        action = new WebhookAction.ChangeTaskStatus(externalId, status);
      }
    }
    problems.throwIfAny();
    return new WebhookPayload(id, type, occurredAt, action);
  }

  /** Field errors collected while reading. */
  private static final class Problems {
    private final Map<String, List<String>> messages = new LinkedHashMap<>();

    void add(String field, String message) {
      messages.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    void unknownFields(JsonNode node, Set<String> known, String prefix) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          add(prefix + name, "Unknown field.");
        }
      }
    }

    String text(JsonNode node, String name, String field, int maxLength, boolean required) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        if (required) {
          add(field, value == null ? FieldMessages.REQUIRED : FieldMessages.NOT_NULL);
        }
        return null;
      }
      if (!value.isTextual()) {
        add(field, "Not a valid string.");
        return null;
      }
      String text = value.textValue();
      String unstorable = StorableText.problem(text);
      if (unstorable != null) {
        add(field, unstorable);
        return null;
      }
      if (required && text.isBlank()) {
        add(field, FieldMessages.NOT_BLANK);
        return null;
      }
      if (Characters.count(text) > maxLength) {
        add(field, "Ensure this field has no more than " + maxLength + " characters.");
        return null;
      }
      return text;
    }

    Instant instant(JsonNode node, String name) {
      String text = text(node, name, name, 64, true);
      if (text == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        add(name, "Enter an ISO-8601 timestamp with an offset, e.g. 2026-03-01T12:00:00Z.");
        return null;
      }
    }

    TaskStatus status(JsonNode data) {
      String text = text(data, "status", "data.status", 32, true);
      if (text == null) {
        return null;
      }
      for (TaskStatus status : TaskStatus.values()) {
        if (status.wireName().equals(text)) {
          return status;
        }
      }
      add("data.status", FieldMessages.notAChoice(text));
      return null;
    }

    void throwIfAny() {
      if (!messages.isEmpty()) {
        throw ApiException.invalid(messages);
      }
    }
  }
}
