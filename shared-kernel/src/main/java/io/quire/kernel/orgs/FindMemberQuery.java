package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;

/** Asks for one membership; answers an {@code Optional<MemberSummary>}. */
public record FindMemberQuery(OrgId orgId, UserId userId) {}
