package io.quire.kernel.accounts;

/** The public face of a user, as embedded in other resources: {@code {id, username}}. */
public record UserSummary(UserId id, String username) {}
