package io.quire.api.accounts;

import io.quire.kernel.accounts.UserSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** A user as other resources embed them: {@code {id, username}}. */
@Schema(name = "User")
public record UserRef(
    @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
    @Schema(requiredMode = RequiredMode.REQUIRED) String username) {

  /** The reference to a user, or null for none. */
  public static UserRef of(UserSummary user) {
    return user == null ? null : new UserRef(user.id().toString(), user.username());
  }
}
