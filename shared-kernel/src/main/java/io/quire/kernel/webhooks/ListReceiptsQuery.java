package io.quire.kernel.webhooks;

import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;

/**
 * Asks for a page of an integration's receipts, newest first; answers a {@link ReceiptPage}, empty
 * for an integration of another org.
 */
public record ListReceiptsQuery(OrgId orgId, IntegrationId integrationId, int page, int pageSize) {}
