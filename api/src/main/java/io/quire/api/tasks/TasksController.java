package io.quire.api.tasks;

import io.quire.api.accounts.CurrentUser;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.orgs.MembershipCheckedByQuery;
import io.quire.api.orgs.OrgAccessInterceptor;
import io.quire.api.tasks.TaskDtos.CreateTaskRequest;
import io.quire.api.tasks.TaskDtos.HistoryEntryResponse;
import io.quire.api.tasks.TaskDtos.PatchTaskRequest;
import io.quire.api.tasks.TaskDtos.TaskResponse;
import io.quire.api.web.PageParams;
import io.quire.api.web.PageResponse;
import io.quire.api.web.PathIds;
import io.quire.api.web.ReadModels;
import io.quire.api.web.Timestamps;
import io.quire.api.web.Versions;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgAccess;
import io.quire.kernel.tasks.CreateTaskCommand;
import io.quire.kernel.tasks.DeleteTaskCommand;
import io.quire.kernel.tasks.EditTaskCommand;
import io.quire.kernel.tasks.FindMembersTaskQuery;
import io.quire.kernel.tasks.FindTaskAsOfQuery;
import io.quire.kernel.tasks.FindTaskQuery;
import io.quire.kernel.tasks.TaskHistoryPage;
import io.quire.kernel.tasks.TaskHistoryQuery;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskPage;
import io.quire.kernel.tasks.TaskView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An org's tasks. Members only (anyone else gets the 404 of an unknown org); who may edit is the
 * task edit policy's call, made by the task aggregate.
 */
@RestController
@RequestMapping("/api/v1/orgs/{slug}/tasks")
@Tag(name = "Tasks")
class TasksController {

  private static final String IF_MATCH_DOC =
      "The task's version (its `ETag`) the change is based on.";

  private final CommandGateway commands;
  private final ReadModels readModels;
  private final OrgAccessInterceptor orgAccess;

  TasksController(CommandGateway commands, ReadModels readModels, OrgAccessInterceptor orgAccess) {
    this.commands = commands;
    this.readModels = readModels;
    this.orgAccess = orgAccess;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a task",
      description = "Status `todo`. `assigned_to` must be a member of the org (else 400).")
  TaskResponse create(
      CurrentUser user,
      @PathVariable String slug,
      OrgAccess access,
      @Valid @RequestBody CreateTaskRequest request,
      HttpServletResponse response) {
    TaskId id = TaskId.random();
    commands.sendAndWait(
        new CreateTaskCommand(
            id,
            access.orgId(),
            request.title().strip(),
            request.description() == null ? "" : request.description(),
            request.assignedTo() == null ? null : new UserId(request.assignedTo()),
            request.dueDate(),
            user.id()));
    TaskView task = current(access, id);
    response.setHeader(HttpHeaders.LOCATION, "/api/v1/orgs/" + slug + "/tasks/" + id + "/");
    return withEtag(task, response);
  }

  @GetMapping
  @Operation(summary = "The org's tasks", description = "Newest first unless `ordering` says.")
  PageResponse<TaskResponse> list(
      CurrentUser user,
      @PathVariable String slug,
      OrgAccess access,
      @Parameter(schema = @Schema(allowableValues = {"todo", "in_progress", "done"}))
          @RequestParam(required = false)
          String status,
      @Parameter(
              name = "assigned_to",
              description = "A user id, or `me`.",
              schema = @Schema(type = "string"))
          @RequestParam(name = "assigned_to", required = false)
          String assignedTo,
      @Parameter(description = "Text in the title or description, in any letter case.")
          @RequestParam(name = "q", required = false)
          String q,
      @Parameter(
              schema =
                  @Schema(
                      allowableValues = {"created_at", "-created_at", "due_date", "-due_date"},
                      defaultValue = "-created_at"))
          @RequestParam(required = false)
          String ordering,
      @ParameterObject PageParams page) {
    TaskPage tasks =
        readModels.get(
            TaskListParameters.toQuery(
                access.orgId(), user.id(), status, assignedTo, q, ordering, page),
            TaskPage.class);
    return PageResponse.of(tasks.count(), tasks.results(), page, TaskResponse::of);
  }

  @GetMapping("/{taskId}")
  @Operation(
      summary = "One task",
      description =
          "With `as_of`, the task as it stood then, rebuilt from its events (404 if it did not"
              + " exist yet).")
  @MembershipCheckedByQuery
  TaskResponse one(
      CurrentUser user,
      @PathVariable String slug,
      @PathVariable String taskId,
      @Parameter(
              name = "as_of",
              description = "An ISO-8601 timestamp, e.g. `2026-03-01T12:00:00Z`.",
              schema = @Schema(type = "string", format = "date-time"))
          @RequestParam(name = "as_of", required = false)
          String asOf,
      HttpServletResponse response) {
    if (asOf == null) {
      // The membership check and the read in one statement (a non-member, an unknown org and an
      // unknown task are the same 404).
      TaskId id = new TaskId(PathIds.uuid(taskId));
      return withEtag(
          readModels
              .find(new FindMembersTaskQuery(slug, user.id(), id), TaskView.class)
              .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND)),
          response);
    }
    OrgAccess access = orgAccess.lookUp(slug, user);
    TaskId id = new TaskId(PathIds.uuid(taskId));
    Instant instant = Timestamps.required("as_of", asOf);
    return withEtag(
        readModels
            .find(new FindTaskAsOfQuery(access.orgId(), id, instant), TaskView.class)
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND)),
        response);
  }

  @PatchMapping("/{taskId}")
  @Operation(
      summary = "Edit a task",
      description =
          "Admins may always edit; other members only tasks they created or hold. A stale"
              + " `If-Match` is 412 and changes nothing.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.PRECONDITION_FAILED})
  TaskResponse edit(
      CurrentUser user,
      @PathVariable String slug,
      @PathVariable String taskId,
      OrgAccess access,
      @Parameter(description = IF_MATCH_DOC)
          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
          String ifMatch,
      @RequestBody PatchTaskRequest request,
      HttpServletResponse response) {
    TaskView current = current(access, taskId);
    TaskId id = current.id();
    Map<String, List<String>> problems = request.problems();
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    commands.sendAndWait(
        new EditTaskCommand(
            id,
            user.id(),
            Versions.expectedSequence(ifMatch, current.version()),
            request.title(),
            request.description(),
            request.status(),
            request.assignedTo(),
            request.dueDate()));
    return withEtag(current(access, id), response);
  }

  @DeleteMapping("/{taskId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a task", description = "Admins and the task's creator.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.PRECONDITION_FAILED})
  void delete(
      CurrentUser user,
      @PathVariable String slug,
      @PathVariable String taskId,
      OrgAccess access,
      @Parameter(description = IF_MATCH_DOC)
          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
          String ifMatch) {
    TaskView current = current(access, taskId);
    commands.sendAndWait(
        new DeleteTaskCommand(
            current.id(), user.id(), Versions.expectedSequence(ifMatch, current.version())));
  }

  @GetMapping("/{taskId}/history")
  @Operation(summary = "A task's events, oldest first")
  PageResponse<HistoryEntryResponse> history(
      CurrentUser user,
      @PathVariable String slug,
      @PathVariable String taskId,
      OrgAccess access,
      @ParameterObject PageParams page) {
    TaskId id = new TaskId(PathIds.uuid(taskId));
    TaskHistoryPage history =
        readModels
            .find(
                new TaskHistoryQuery(access.orgId(), id, page.number(), page.size()),
                TaskHistoryPage.class)
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
    return PageResponse.of(history.count(), history.results(), page, HistoryEntryResponse::of);
  }

  /** The org's task that the path's id names; 404 for an id of no such task. */
  private TaskView current(OrgAccess access, String taskId) {
    return current(access, new TaskId(PathIds.uuid(taskId)));
  }

  private TaskView current(OrgAccess access, TaskId id) {
    return readModels
        .find(new FindTaskQuery(access.orgId(), id), TaskView.class)
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
  }

  private static TaskResponse withEtag(TaskView task, HttpServletResponse response) {
    response.setHeader(HttpHeaders.ETAG, Versions.etag(task.version()));
    return TaskResponse.of(task);
  }
}
