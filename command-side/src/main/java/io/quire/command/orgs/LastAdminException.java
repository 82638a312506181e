package io.quire.command.orgs;

/** Demoting or removing the org's last admin; see {@link AdminSuccessionPolicy}. */
public class LastAdminException extends RuntimeException {
  public LastAdminException() {
    super("An org must keep at least one admin: the last admin cannot be demoted or removed.");
  }
}
