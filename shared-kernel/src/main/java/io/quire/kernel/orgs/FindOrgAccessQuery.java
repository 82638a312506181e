package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;

/**
 * Asks whether a user is a member of the org with this slug; answers an {@code
 * Optional<OrgAccess>}, empty for a non-member and for an unknown slug alike.
 */
public record FindOrgAccessQuery(String slug, UserId userId) {}
