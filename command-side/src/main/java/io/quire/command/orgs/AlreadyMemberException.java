package io.quire.command.orgs;

import io.quire.kernel.accounts.UserId;

/** Adding a user to an org they are already a member of. */
public class AlreadyMemberException extends RuntimeException {
  public AlreadyMemberException(UserId userId) {
    super("The user is already a member of this org: " + userId);
  }
}
