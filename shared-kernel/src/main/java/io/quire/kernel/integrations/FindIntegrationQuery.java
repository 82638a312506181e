package io.quire.kernel.integrations;

import io.quire.kernel.orgs.OrgId;

/** Asks for one integration of an org; answers an {@code Optional<IntegrationView>}. */
public record FindIntegrationQuery(OrgId orgId, IntegrationId integrationId) {}
