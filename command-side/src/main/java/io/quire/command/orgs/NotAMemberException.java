package io.quire.command.orgs;

import io.quire.kernel.accounts.UserId;

/** Changing the role of, or removing, a user who is not a member of the org. */
public class NotAMemberException extends RuntimeException {
  public NotAMemberException(UserId userId) {
    super("The user is not a member of this org: " + userId);
  }
}
