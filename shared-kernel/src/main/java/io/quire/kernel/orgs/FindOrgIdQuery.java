package io.quire.kernel.orgs;

/**
 * Asks which org has this slug, whoever asks (staff reads of the whole event stream filter by org);
 * answers an {@code Optional<OrgId>}.
 */
public record FindOrgIdQuery(String slug) {}
