package io.quire.command.accounts;

/** A token request whose username and password do not match an account. */
public class InvalidCredentialsException extends RuntimeException {
  public InvalidCredentialsException() {
    super("Unable to log in with the provided credentials.");
  }
}
