package io.quire.api.audit;

import io.quire.api.accounts.CurrentUser;
import io.quire.api.audit.AuditDtos.AuditPageResponse;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ErrorCode;
import io.quire.api.orgs.OrgAdminsOnly;
import io.quire.api.web.ReadModels;
import io.quire.kernel.audit.AuditPage;
import io.quire.kernel.audit.OrgAuditQuery;
import io.quire.kernel.orgs.OrgAccess;
import io.quire.query.events.EventCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An org's audit log: every event of its aggregates, for its admins (members 403, others 404). */
@RestController
@RequestMapping("/api/v1/orgs/{slug}/audit")
@Tag(name = "Audit")
class AuditController {

  private final ReadModels readModels;
  private final EventCatalogue catalogue;

  AuditController(ReadModels readModels, EventCatalogue catalogue) {
    this.readModels = readModels;
    this.catalogue = catalogue;
  }

  @GetMapping
  @OrgAdminsOnly
  @Operation(
      summary = "The org's audit log (admins)",
      description =
          "Every event of the org, its memberships, tasks, exports, integrations and webhook"
              + " receipts, in commit order. Go on with `after=<next_after>`; a page never"
              + " passes an event that may still commit, so following `next_after` misses none.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED})
  AuditPageResponse log(
      CurrentUser user,
      @PathVariable String slug,
      OrgAccess access,
      @ParameterObject AuditParameters params) {
    AuditPage page =
        readModels.get(
            new OrgAuditQuery(access.orgId(), params.filter(catalogue)), AuditPage.class);
    return AuditPageResponse.of(page);
  }
}
