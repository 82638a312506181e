package io.quire.kernel.accounts;

/** Asks the user directory for one user's public summary; answers a {@link UserSummary}. */
public record FindUserQuery(UserId userId) {}
