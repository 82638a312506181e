package io.quire.api.tasks;

import io.quire.api.errors.ApiException;
import io.quire.api.errors.FieldMessages;
import io.quire.api.web.PageParams;
import io.quire.api.web.WireNames;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.common.Characters;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.ListTasksQuery;
import io.quire.kernel.tasks.TaskOrdering;
import io.quire.kernel.tasks.TaskStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The task list's query parameters, checked all at once: every bad one is named in a single 400.
 * Blank values are ignored, as Django filters do.
 */
final class TaskListParameters {

  static final int MAX_TEXT = 200;

  private TaskListParameters() {}

  static ListTasksQuery toQuery(
      OrgId org,
      UserId caller,
      String status,
      String assignedTo,
      String text,
      String ordering,
      PageParams page) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    TaskStatus statusFilter = null;
    if (present(status)) {
      statusFilter = WireNames.find(TaskStatus.values(), TaskStatus::wireName, status).orElse(null);
      if (statusFilter == null) {
        problems.put("status", List.of(FieldMessages.notAChoice(status)));
      }
    }
    UserId assignee = null;
    if (present(assignedTo)) {
      if (assignedTo.equals("me")) {
        assignee = caller;
      } else {
        try {
          assignee = new UserId(UUID.fromString(assignedTo));
        } catch (IllegalArgumentException e) {
          problems.put("assigned_to", List.of("Enter a user id or `me`."));
        }
      }
    }
    TaskOrdering order = TaskOrdering.NEWEST_FIRST;
    if (present(ordering)) {
      order = WireNames.find(TaskOrdering.values(), TaskOrdering::wireName, ordering).orElse(null);
      if (order == null) {
        problems.put("ordering", List.of(FieldMessages.notAChoice(ordering)));
      }
    }
    String search = present(text) ? text.strip() : null;
    if (search != null && Characters.count(search) > MAX_TEXT) {
      problems.put("q", List.of("Ensure this value has no more than 200 characters."));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return new ListTasksQuery(
        org, statusFilter, assignee, search, order, page.number(), page.size());
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
