package io.quire.kernel.orgs;

/** Asks for a page of an org's members, oldest membership first; answers a {@link MemberPage}. */
public record ListMembersQuery(OrgId orgId, int page, int pageSize) {}
