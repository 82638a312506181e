package io.quire.command.accounts;

/** Registration under a username that already exists, compared without regard to case. */
public class UsernameTakenException extends RuntimeException {
  public UsernameTakenException(String username) {
    super("A user with that username already exists: " + username);
  }
}
