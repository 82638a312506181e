package io.quire.api.integrations;

import io.quire.api.accounts.CurrentUser;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.integrations.IntegrationDtos.CreateIntegrationRequest;
import io.quire.api.integrations.IntegrationDtos.CreatedIntegrationResponse;
import io.quire.api.integrations.IntegrationDtos.IntegrationResponse;
import io.quire.api.integrations.IntegrationDtos.ReceiptResponse;
import io.quire.api.orgs.OrgAdminsOnly;
import io.quire.api.web.PageParams;
import io.quire.api.web.PageResponse;
import io.quire.api.web.PathIds;
import io.quire.api.web.ReadModels;
import io.quire.command.integrations.IntegrationService;
import io.quire.kernel.integrations.FindIntegrationQuery;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.integrations.IntegrationPage;
import io.quire.kernel.integrations.IntegrationView;
import io.quire.kernel.integrations.ListIntegrationsQuery;
import io.quire.kernel.orgs.OrgAccess;
import io.quire.kernel.webhooks.ListReceiptsQuery;
import io.quire.kernel.webhooks.ReceiptPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An org's integrations and their receipts: admins only (members 403, anyone else 404). */
@RestController
@RequestMapping("/api/v1/orgs/{slug}/integrations")
@Tag(name = "Integrations")
class IntegrationsController {

  private final IntegrationService integrations;
  private final ReadModels readModels;

  IntegrationsController(IntegrationService integrations, ReadModels readModels) {
    this.integrations = integrations;
    this.readModels = readModels;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @OrgAdminsOnly
  @Operation(
      summary = "Register an integration (admins)",
      description =
          "The answer holds the signing secret: the only time it is shown. Deliveries go to"
              + " `webhook_url`.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED})
  CreatedIntegrationResponse create(
      CurrentUser user,
      @PathVariable String slug,
      OrgAccess access,
      @Valid @RequestBody CreateIntegrationRequest request) {
    IntegrationService.Created created =
        integrations.create(access.orgId(), request.name().strip(), user.id());
    return CreatedIntegrationResponse.of(find(access, created.integrationId()), created.secret());
  }

  @GetMapping
  @OrgAdminsOnly
  @Operation(summary = "The org's integrations (admins)", description = "Newest first; no secrets.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED})
  PageResponse<IntegrationResponse> list(
      CurrentUser user,
      @PathVariable String slug,
      OrgAccess access,
      @ParameterObject PageParams page) {
    IntegrationPage found =
        readModels.get(
            new ListIntegrationsQuery(access.orgId(), page.number(), page.size()),
            IntegrationPage.class);
    return PageResponse.of(found.count(), found.results(), page, IntegrationResponse::of);
  }

  @GetMapping("/{integrationId}/receipts")
  @OrgAdminsOnly
  @Operation(
      summary = "An integration's webhook receipts (admins)",
      description = "Newest first; `deliveries` counts every delivery of the event.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED})
  PageResponse<ReceiptResponse> receipts(
      CurrentUser user,
      @PathVariable String slug,
      @PathVariable String integrationId,
      OrgAccess access,
      @ParameterObject PageParams page) {
    IntegrationId id = find(access, new IntegrationId(PathIds.uuid(integrationId))).integrationId();
    ReceiptPage found =
        readModels.get(
            new ListReceiptsQuery(access.orgId(), id, page.number(), page.size()),
            ReceiptPage.class);
    return PageResponse.of(found.count(), found.results(), page, ReceiptResponse::of);
  }

  private IntegrationView find(OrgAccess access, IntegrationId id) {
    return readModels
        .find(new FindIntegrationQuery(access.orgId(), id), IntegrationView.class)
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
  }
}
