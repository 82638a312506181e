package io.quire.api.orgs;

import io.quire.api.accounts.CurrentUser;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.orgs.OrgDtos.AddMemberRequest;
import io.quire.api.orgs.OrgDtos.ChangeRoleRequest;
import io.quire.api.orgs.OrgDtos.MemberResponse;
import io.quire.api.web.PageParams;
import io.quire.api.web.PageResponse;
import io.quire.api.web.PathIds;
import io.quire.api.web.ReadModels;
import io.quire.api.web.Versions;
import io.quire.command.accounts.AccountService;
import io.quire.kernel.accounts.FindUserQuery;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.orgs.AddMemberCommand;
import io.quire.kernel.orgs.ChangeMemberRoleCommand;
import io.quire.kernel.orgs.FindMemberQuery;
import io.quire.kernel.orgs.ListMembersQuery;
import io.quire.kernel.orgs.MemberPage;
import io.quire.kernel.orgs.MemberSummary;
import io.quire.kernel.orgs.OrgAccess;
import io.quire.kernel.orgs.RemoveMemberCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An org's memberships. Every answer to a non-member is the 404 of an unknown org. */
@RestController
@RequestMapping("/api/v1/orgs/{slug}/members")
@Tag(name = "Orgs")
class MembersController {

  private final CommandGateway commands;
  private final ReadModels readModels;
  private final AccountService accounts;

  MembersController(CommandGateway commands, ReadModels readModels, AccountService accounts) {
    this.commands = commands;
    this.readModels = readModels;
    this.accounts = accounts;
  }

  @GetMapping
  @Operation(summary = "The org's members", description = "Oldest membership first.")
  PageResponse<MemberResponse> list(
      CurrentUser user,
      @PathVariable String slug,
      OrgAccess access,
      @ParameterObject PageParams page) {
    MemberPage members =
        readModels.get(
            new ListMembersQuery(access.orgId(), page.number(), page.size()), MemberPage.class);
    return PageResponse.of(members.count(), members.results(), page, MemberResponse::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @OrgAdminsOnly
  @Operation(
      summary = "Add a member (admins)",
      description = "An unknown username is 400 on `username`; an existing member is 409.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.CONFLICT, ErrorCode.PRECONDITION_FAILED})
  MemberResponse add(
      CurrentUser user,
      @PathVariable String slug,
      OrgAccess access,
      @Parameter(description = "The org's version (its `ETag`) the change is based on.")
          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
          String ifMatch,
      @Valid @RequestBody AddMemberRequest request) {
    UserId member =
        accounts
            .idOf(request.username())
            .orElseThrow(() -> ApiException.invalid("username", "No user has this username."));
    Instant joined =
        commands.sendAndWait(
            new AddMemberCommand(
                access.orgId(),
                member,
                request.role(),
                user.id(),
                Versions.expectedSequence(ifMatch)));
    // A removal on another server can land between the add and this read: the answer is then the
    // membership this request made, as Django REST Framework answers what it saved.
    return MemberResponse.of(
        readModels
            .find(new FindMemberQuery(access.orgId(), member), MemberSummary.class)
            .orElseGet(() -> new MemberSummary(directoryEntry(member), request.role(), joined)));
  }

  @PatchMapping("/{userId}")
  @OrgAdminsOnly
  @Operation(
      summary = "Change a member's role (admins)",
      description = "Demoting the last admin is 409 `last_admin`.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.LAST_ADMIN, ErrorCode.PRECONDITION_FAILED})
  MemberResponse changeRole(
      CurrentUser user,
      @PathVariable String slug,
      @PathVariable String userId,
      OrgAccess access,
      @Parameter(description = "The org's version (its `ETag`) the change is based on.")
          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
          String ifMatch,
      @Valid @RequestBody ChangeRoleRequest request) {
    UserId member = new UserId(PathIds.uuid(userId));
    commands.sendAndWait(
        new ChangeMemberRoleCommand(
            access.orgId(), member, request.role(), user.id(), Versions.expectedSequence(ifMatch)));
    // A role set to what it was changes nothing, so it does not race a removal on another server
    // for the event store: the member can be gone by the time it is read, as after a removal that
    // came first.
    return MemberResponse.of(
        readModels
            .find(new FindMemberQuery(access.orgId(), member), MemberSummary.class)
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND)));
  }

  @DeleteMapping("/{userId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Remove a member (admins), or leave the org",
      description = "Removing the last admin is 409 `last_admin`.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.LAST_ADMIN, ErrorCode.PRECONDITION_FAILED})
  void remove(
      CurrentUser user,
      @PathVariable String slug,
      @PathVariable String userId,
      OrgAccess access,
      @Parameter(description = "The org's version (its `ETag`) the change is based on.")
          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
          String ifMatch) {
    commands.sendAndWait(
        new RemoveMemberCommand(
            access.orgId(),
            new UserId(PathIds.uuid(userId)),
            user.id(),
            Versions.expectedSequence(ifMatch)));
  }

  private UserSummary directoryEntry(UserId user) {
    return readModels
        .find(new FindUserQuery(user), UserSummary.class)
        .orElseThrow(() -> new IllegalStateException("A member is not in the user directory"));
  }
}
