package io.quire.command.common;

/**
 * The actor of a command is not allowed to do what it asks (for example a member editing someone
 * else's task, or a non-admin adding members). Thrown by command handlers, which are where every
 * permission is checked.
 */
public class PermissionDeniedException extends RuntimeException {

  public PermissionDeniedException() {
    super("You do not have permission to perform this action.");
  }

  public PermissionDeniedException(String message) {
    super(message);
  }
}
