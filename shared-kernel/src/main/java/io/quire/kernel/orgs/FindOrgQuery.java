package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;

/** Asks for one org as its member sees it; answers an {@code Optional<OrgSummary>}. */
public record FindOrgQuery(OrgId orgId, UserId viewer) {}
