package io.quire.api.accounts;

import io.quire.kernel.accounts.UserId;

/**
 * The authenticated caller. A controller parameter of this type makes its endpoint require a token:
 * without one the request answers 401 {@code not_authenticated}.
 */
public record CurrentUser(UserId id, String username, String email, boolean staff) {}
