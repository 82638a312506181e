package io.quire.api.projections;

import io.quire.api.accounts.CurrentUser;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.projections.ProjectionDtos.ProjectionResponse;
import io.quire.api.web.PageParams;
import io.quire.api.web.PageResponse;
import io.quire.query.rebuild.ProjectionRebuilds;
import io.quire.query.rebuild.ProjectionRebuilds.Outcome;
import io.quire.query.rebuild.ProjectionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read models, for staff: their states, and rebuilds from the event store in the background
 * (docs/architecture.md, <i>Rebuilding a read model</i>).
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Projections")
class ProjectionsController {

  private final ProjectionRebuilds rebuilds;

  ProjectionsController(ProjectionRebuilds rebuilds) {
    this.rebuilds = rebuilds;
  }

  @GetMapping
  @Operation(
      summary = "Every read model and its state (staff)",
      description =
          "Each read model the API serves: whether it is up to date or being rebuilt, how far a"
              + " rebuild has come, why the last one stopped, and whether it can be rebuilt.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED})
  PageResponse<ProjectionResponse> list(CurrentUser user, @ParameterObject PageParams page) {
    user.requireStaff();
    List<ProjectionStatus> all = rebuilds.statuses();
    int from = (int) Math.min(all.size(), (long) (page.number() - 1) * page.size());
    int to = Math.min(all.size(), from + page.size());
    return PageResponse.of(all.size(), all.subList(from, to), page, ProjectionResponse::of);
  }

  @GetMapping("/{name}")
  @Operation(summary = "One read model and its state (staff)")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.NOT_FOUND})
  ProjectionResponse get(CurrentUser user, @PathVariable String name) {
    user.requireStaff();
    return rebuilds.status(name).map(ProjectionResponse::of).orElseThrow(() -> unknown(name));
  }

  @PostMapping("/{name}/rebuild")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Rebuild a read model from the event store (staff)",
      description =
          "Answers at once and builds a new copy of the read model from every stored event in the"
              + " background, on PostgreSQL. Reads are answered from the current copy and writes"
              + " go on meanwhile; every write that commits meanwhile is in the new copy, which"
              + " is swapped in atomically when it has caught up. 409 `conflict` while a rebuild"
              + " of it runs, and for a read model that cannot be rebuilt (the message says why).")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.NOT_FOUND, ErrorCode.CONFLICT})
  ProjectionResponse rebuild(CurrentUser user, @PathVariable String name) {
    user.requireStaff();
    Outcome outcome = rebuilds.rebuild(name);
    if (outcome instanceof Outcome.Started started) {
      return ProjectionResponse.of(started.status());
    }
    if (outcome instanceof Outcome.AlreadyRunning running) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "A rebuild of "
              + name
              + " is running (position "
              + running.status().position()
              + " of "
              + running.status().head()
              + ").");
    }
    if (outcome instanceof Outcome.NotRebuildable refused) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          name + " cannot be rebuilt from the event store. " + refused.reason());
    }
    throw unknown(name);
  }

  private static ApiException unknown(String name) {
    return new ApiException(ErrorCode.NOT_FOUND, "There is no read model named " + name + ".");
  }
}
