package io.quire.api.accounts;

import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.kernel.accounts.UserId;

/**
 * The authenticated caller. A controller parameter of this type makes its endpoint require a token:
 * without one the request answers 401 {@code not_authenticated}.
 */
public record CurrentUser(UserId id, String username, String email, boolean staff) {

  /**
   * Refuses a caller who is not staff: the check of every staff-only endpoint.
   *
   * @throws ApiException 403 {@code permission_denied}
   */
  public void requireStaff() {
    if (!staff) {
      throw new ApiException(ErrorCode.PERMISSION_DENIED);
    }
  }
}
