package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;

/** Asks for a page of the orgs a user is a member of, by slug; answers an {@link OrgPage}. */
public record ListMyOrgsQuery(UserId userId, int page, int pageSize) {}
