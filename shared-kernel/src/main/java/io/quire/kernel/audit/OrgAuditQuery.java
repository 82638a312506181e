package io.quire.kernel.audit;

import io.quire.kernel.orgs.OrgId;

/** The events of an org's aggregates (answered with an {@link AuditPage}). */
public record OrgAuditQuery(OrgId orgId, AuditFilter filter) {}
