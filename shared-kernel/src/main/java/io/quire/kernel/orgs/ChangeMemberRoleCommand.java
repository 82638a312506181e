package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An admin changes a member's role; the org must keep at least one admin. */
public record ChangeMemberRoleCommand(
    @TargetAggregateIdentifier OrgId orgId,
    UserId userId,
    Role role,
    UserId actor,
    @TargetAggregateVersion Long expectedVersion) {}
