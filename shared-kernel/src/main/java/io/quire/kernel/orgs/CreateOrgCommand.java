package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates an org under a slug the caller has already claimed; the creator becomes its first admin.
 */
public record CreateOrgCommand(
    @TargetAggregateIdentifier OrgId orgId, String slug, String name, UserId creator) {}
