package io.quire.api.testing;

import io.quire.command.accounts.AccountService;
import io.quire.command.accounts.AccountView;
import io.quire.kernel.accounts.UserId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes users the way the application does (through {@link AccountService}, which sends the user's
 * commands): {@code users.aRegisteredUser()}, {@code users.aStaffUser()}. Every user is new, so
 * concurrent tests never share one.
 */
public class Users {

  public static final String PASSWORD = "correct-horse-battery-staple";
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  private static final AtomicLong COUNTER = new AtomicLong();

  private final AccountService accounts;

  public Users(AccountService accounts) {
    this.accounts = accounts;
  }

  /** A user someone could register now: no account has this name. */
  public static String aNewUsername(String hint) {
    return hint + "-" + RUN + "-" + COUNTER.incrementAndGet();
  }

  public TestUser aRegisteredUser() {
    return aRegisteredUser("user");
  }

  public TestUser aRegisteredUser(String hint) {
    return register(aNewUsername(hint), false);
  }

  public TestUser aStaffUser() {
    return register(aNewUsername("staff"), true);
  }

  private TestUser register(String username, boolean staff) {
    AccountView account = accounts.register(username, username + "@example.com", PASSWORD, staff);
    String token = accounts.issueToken(username, PASSWORD);
    return new TestUser(account.id().toString(), username, PASSWORD, token, staff);
  }

  /** A user with a working token. */
  public record TestUser(String id, String username, String password, String token, boolean staff) {

    /** The user's id as commands and queries take it. */
    public UserId userId() {
      return UserId.of(id);
    }
  }
}
