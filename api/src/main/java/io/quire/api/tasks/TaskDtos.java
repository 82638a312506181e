package io.quire.api.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.quire.api.accounts.UserRef;
import io.quire.api.errors.FieldMessages;
import io.quire.api.web.ValueRecord;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.common.Change;
import io.quire.kernel.common.Characters;
import io.quire.kernel.tasks.TaskHistoryEntry;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.tasks.TaskView;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.validator.constraints.CodePointLength;

/** The request and response bodies of the task endpoints (snake_case on the wire). */
final class TaskDtos {

  private TaskDtos() {}

  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 10_000;
  static final String REQUIRED = FieldMessages.REQUIRED;
  static final String TITLE_SIZE = "Ensure this field has no more than 200 characters.";
  static final String DESCRIPTION_SIZE = "Ensure this field has no more than 10000 characters.";

  record CreateTaskRequest(
      @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = MAX_TITLE)
          @NotNull(message = REQUIRED)
          @NotBlank(message = FieldMessages.NOT_BLANK)
          @CodePointLength(max = MAX_TITLE, message = TITLE_SIZE)
          String title,
      @Schema(maxLength = MAX_DESCRIPTION, defaultValue = "")
          @CodePointLength(max = MAX_DESCRIPTION, message = DESCRIPTION_SIZE)
          String description,
      @Schema(format = "uuid", nullable = true, description = "A member's user id.")
          UUID assignedTo,
      @Schema(nullable = true) LocalDate dueDate) {}

  /**
   * A partial update: only the fields the body names change. {@code assigned_to} and {@code
   * due_date} may be JSON {@code null}, which clears them; the other fields may not. A class with
   * setters rather than a record, because Jackson cannot tell a record an absent field from a
   * {@code null} one.
   */
  @Schema(name = "TaskPatch")
  static final class PatchTaskRequest {

    @JsonProperty
    @Schema(maxLength = MAX_TITLE)
    private String title;

    @JsonProperty
    @Schema(maxLength = MAX_DESCRIPTION)
    private String description;

    @JsonProperty private TaskStatus status;

    @JsonProperty
    @Schema(format = "uuid", nullable = true, description = "A member's user id, or null.")
    private UUID assignedTo;

    @JsonProperty
    @Schema(nullable = true)
    private LocalDate dueDate;

    private final Set<String> given = new HashSet<>();

    @JsonSetter
    void setTitle(String title) {
      this.title = title;
      given.add("title");
    }

    @JsonSetter
    void setDescription(String description) {
      this.description = description;
      given.add("description");
    }

    @JsonSetter
    void setStatus(TaskStatus status) {
      this.status = status;
      given.add("status");
    }

    @JsonSetter
    void setAssignedTo(UUID assignedTo) {
      this.assignedTo = assignedTo;
      given.add("assigned_to");
    }

    @JsonSetter
    void setDueDate(LocalDate dueDate) {
      this.dueDate = dueDate;
      given.add("due_date");
    }

    /** The new title, stripped, or null to keep it. */
    String title() {
      return title == null ? null : title.strip();
    }

    /** The new description, or null to keep it. */
    String description() {
      return description;
    }

    /** The new status, or null to keep it. */
    TaskStatus status() {
      return status;
    }

    /** The new assignee (null value: nobody), or null to keep it. */
    Change<UserId> assignedTo() {
      return given.contains("assigned_to")
          ? Change.to(assignedTo == null ? null : new UserId(assignedTo))
          : null;
    }

    /** The new due date (null value: none), or null to keep it. */
    Change<LocalDate> dueDate() {
      return given.contains("due_date") ? Change.to(dueDate) : null;
    }

    /** Field messages for what cannot be accepted; empty when the patch is valid. */
    Map<String, List<String>> problems() {
      Map<String, List<String>> problems = new LinkedHashMap<>();
      for (String field : List.of("title", "description", "status")) {
        if (given.contains(field) && value(field) == null) {
          add(problems, field, FieldMessages.NOT_NULL);
        }
      }
      if (title != null && title.isBlank()) {
        add(problems, "title", FieldMessages.NOT_BLANK);
      } else if (title != null && Characters.count(title.strip()) > MAX_TITLE) {
        add(problems, "title", TITLE_SIZE);
      }
      if (description != null && Characters.count(description) > MAX_DESCRIPTION) {
        add(problems, "description", DESCRIPTION_SIZE);
      }
      return problems;
    }

    private Object value(String field) {
      return switch (field) {
        case "title" -> title;
        case "description" -> description;
        default -> status;
      };
    }

    private static void add(Map<String, List<String>> problems, String field, String message) {
      problems.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }
  }

  @Schema(name = "Task")
  record TaskResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "The org's slug.") String org,
      @Schema(requiredMode = RequiredMode.REQUIRED) String title,
      @Schema(requiredMode = RequiredMode.REQUIRED) String description,
      @Schema(requiredMode = RequiredMode.REQUIRED) TaskStatus status,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "Null for tasks an integration created.")
          UserRef createdBy,
      @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true) UserRef assignedTo,
      @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true) LocalDate dueDate,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant updatedAt,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "The number of the task's events; also the `ETag`.")
          long version)
      implements ValueRecord {

    static TaskResponse of(TaskView task) {
      return new TaskResponse(
          task.id().toString(),
          task.org(),
          task.title(),
          task.description(),
          task.status(),
          UserRef.of(task.createdBy()),
          UserRef.of(task.assignedTo()),
          task.dueDate(),
          task.createdAt(),
          task.updatedAt(),
          task.version());
    }
  }

  @Schema(name = "TaskEvent")
  record HistoryEntryResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "1 for the first event.")
          long sequence,
      @Schema(requiredMode = RequiredMode.REQUIRED, example = "task.status_changed") String type,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant occurredAt,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "Null for changes an integration made.")
          UserRef actor,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              type = "object",
              additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
              description = "The event's own fields (ids, actor and time are shown once, above).")
          Map<String, Object> data) {

    static HistoryEntryResponse of(TaskHistoryEntry entry) {
      return new HistoryEntryResponse(
          entry.sequence(),
          entry.type(),
          entry.occurredAt(),
          UserRef.of(entry.actor()),
          entry.data());
    }
  }
}
