package io.quire.api.orgs;

import io.quire.api.accounts.CurrentUser;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ErrorCode;
import io.quire.api.orgs.OrgDtos.CreateOrgRequest;
import io.quire.api.orgs.OrgDtos.OrgResponse;
import io.quire.api.web.PageParams;
import io.quire.api.web.PageResponse;
import io.quire.api.web.ReadModels;
import io.quire.api.web.Versions;
import io.quire.command.orgs.OrgService;
import io.quire.kernel.orgs.FindOrgQuery;
import io.quire.kernel.orgs.ListMyOrgsQuery;
import io.quire.kernel.orgs.OrgAccess;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgPage;
import io.quire.kernel.orgs.OrgSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Orgs: create one, list mine, see one. */
@RestController
@RequestMapping("/api/v1/orgs")
@Tag(name = "Orgs")
class OrgsController {

  private final OrgService orgs;
  private final ReadModels readModels;

  OrgsController(OrgService orgs, ReadModels readModels) {
    this.orgs = orgs;
    this.readModels = readModels;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an org",
      description = "The caller becomes its admin. A taken slug is 409 `conflict`.")
  @ApiErrors(ErrorCode.CONFLICT)
  OrgResponse create(
      CurrentUser user,
      @Valid @RequestBody CreateOrgRequest request,
      HttpServletResponse response) {
    OrgId id = orgs.create(request.slug(), request.name().strip(), user.id());
    OrgSummary org = find(id, user);
    response.setHeader(HttpHeaders.LOCATION, "/api/v1/orgs/" + org.slug() + "/");
    response.setHeader(HttpHeaders.ETAG, Versions.etag(org.version()));
    return OrgResponse.of(org);
  }

  @GetMapping
  @Operation(summary = "The caller's orgs", description = "Ordered by slug.")
  PageResponse<OrgResponse> mine(CurrentUser user, @ParameterObject PageParams page) {
    OrgPage orgPage =
        readModels.get(new ListMyOrgsQuery(user.id(), page.number(), page.size()), OrgPage.class);
    return PageResponse.of(orgPage.count(), orgPage.results(), page, OrgResponse::of);
  }

  @GetMapping("/{slug}")
  @Operation(summary = "One org", description = "Members only; anyone else gets 404.")
  OrgResponse one(
      CurrentUser user, @PathVariable String slug, OrgAccess access, HttpServletResponse response) {
    OrgSummary org = find(access.orgId(), user);
    response.setHeader(HttpHeaders.ETAG, Versions.etag(org.version()));
    return OrgResponse.of(org);
  }

  private OrgSummary find(OrgId id, CurrentUser user) {
    return readModels
        .find(new FindOrgQuery(id, user.id()), OrgSummary.class)
        .orElseThrow(() -> new IllegalStateException("Org " + id + " is not in the read model"));
  }
}
