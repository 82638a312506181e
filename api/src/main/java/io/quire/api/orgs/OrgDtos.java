package io.quire.api.orgs;

import io.quire.api.accounts.UserRef;
import io.quire.api.errors.FieldMessages;
import io.quire.kernel.orgs.MemberSummary;
import io.quire.kernel.orgs.OrgSummary;
import io.quire.kernel.orgs.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.hibernate.validator.constraints.CodePointLength;

/** The request and response bodies of the org and member endpoints (snake_case on the wire). */
final class OrgDtos {

  private OrgDtos() {}

  static final String REQUIRED = FieldMessages.REQUIRED;
  static final String SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

  record CreateOrgRequest(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              example = "acme",
              minLength = 3,
              maxLength = 50,
              pattern = SLUG_PATTERN,
              description = "Unique; lower-case letters and digits in runs joined by single `-`.")
          @NotNull(message = REQUIRED)
          @CodePointLength(min = 3, max = 50, message = "Ensure this field has 3 to 50 characters.")
          @Pattern(
              regexp = SLUG_PATTERN,
              message =
                  "Enter a valid slug: lower-case letters and digits, in runs joined by single"
                      + " hyphens.")
          String slug,
      @Schema(requiredMode = RequiredMode.REQUIRED, example = "Acme", maxLength = 200)
          @NotBlank(message = REQUIRED)
          @CodePointLength(
              max = 200,
              message = "Ensure this field has no more than 200 characters.")
          String name) {}

  @Schema(name = "Org")
  record OrgResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED) String slug,
      @Schema(requiredMode = RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt,
      @Schema(requiredMode = RequiredMode.REQUIRED) long memberCount,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "The caller's role.") Role role,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description =
                  "The number of the org's events; send it back in `If-Match` on member changes.")
          long version) {

    static OrgResponse of(OrgSummary org) {
      return new OrgResponse(
          org.slug(), org.name(), org.createdAt(), org.memberCount(), org.role(), org.version());
    }
  }

  record AddMemberRequest(
      @Schema(requiredMode = RequiredMode.REQUIRED, example = "bob", maxLength = 150)
          @NotBlank(message = REQUIRED)
          @CodePointLength(
              max = 150,
              message = "Ensure this field has no more than 150 characters.")
          String username,
      @Schema(requiredMode = RequiredMode.REQUIRED) @NotNull(message = REQUIRED) Role role) {}

  record ChangeRoleRequest(
      @Schema(requiredMode = RequiredMode.REQUIRED) @NotNull(message = REQUIRED) Role role) {}

  @Schema(name = "Member")
  record MemberResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED) UserRef user,
      @Schema(requiredMode = RequiredMode.REQUIRED) Role role,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant joinedAt) {

    static MemberResponse of(MemberSummary member) {
      return new MemberResponse(UserRef.of(member.user()), member.role(), member.joinedAt());
    }
  }
}
