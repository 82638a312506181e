package io.quire.kernel.integrations;

import io.quire.kernel.orgs.OrgId;

/** Asks for a page of an org's integrations, newest first; answers an {@link IntegrationPage}. */
public record ListIntegrationsQuery(OrgId orgId, int page, int pageSize) {}
