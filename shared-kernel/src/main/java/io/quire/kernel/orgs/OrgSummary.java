package io.quire.kernel.orgs;

import java.time.Instant;

/**
 * An org as one member sees it: {@code role} is that member's. {@code version} counts the org's
 * events.
 */
public record OrgSummary(
    String slug, String name, Instant createdAt, long memberCount, Role role, long version) {}
