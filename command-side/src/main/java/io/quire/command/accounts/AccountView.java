package io.quire.command.accounts;

import io.quire.kernel.accounts.UserId;

/** What the credential store tells about an account: never its password hash. */
public record AccountView(UserId id, String username, String email, boolean staff) {

  static AccountView of(Account account) {
    return new AccountView(
        new UserId(account.getId()), account.getUsername(), account.getEmail(), account.isStaff());
  }
}
