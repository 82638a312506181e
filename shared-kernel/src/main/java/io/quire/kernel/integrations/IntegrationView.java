package io.quire.kernel.integrations;

import io.quire.kernel.orgs.OrgId;
import java.time.Instant;

/** An integration as lists show it: never its secret. */
public record IntegrationView(
    IntegrationId integrationId, OrgId orgId, String name, Instant createdAt) {}
