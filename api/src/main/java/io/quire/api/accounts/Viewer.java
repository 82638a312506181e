package io.quire.api.accounts;

import java.util.Optional;

/**
 * Whoever is reading: a signed-in user or an anonymous client. A controller parameter of this type
 * makes a token optional (an invalid one is still 401 {@code invalid_token}).
 */
public record Viewer(CurrentUser user) {

  public Optional<CurrentUser> signedIn() {
    return Optional.ofNullable(user);
  }

  public boolean isStaff() {
    return user != null && user.staff();
  }
}
